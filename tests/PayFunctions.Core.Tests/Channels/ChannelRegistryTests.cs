using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Moq;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Tests.Channels;

public sealed class ChannelRegistryTests
{
    private const string Channel = "wechat_pay";

    private static readonly Dictionary<string, string?> CompleteAccount = new()
    {
        ["Channels:WeChatPay:Accounts:main:MchId"] = "1900000109",
        ["Channels:WeChatPay:Accounts:main:AppId"] = "wx1",
        ["Channels:WeChatPay:Accounts:main:MerchantSerialNo"] = "A1",
        ["Channels:WeChatPay:Accounts:main:PlatformSerialNo"] = "B2",
    };

    [Fact]
    public void An_account_counts_only_when_every_declared_setting_is_set()
    {
        Assert.Equal(["main"], Registry(CompleteAccount).AccountsOf(Channel));
        Assert.False(Registry([]).IsConfigured(Channel, testMode: false));

        var incomplete = new Dictionary<string, string?>(CompleteAccount);
        incomplete.Remove("Channels:WeChatPay:Accounts:main:PlatformSerialNo");
        Assert.False(Registry(incomplete).IsConfigured(Channel, testMode: false));
    }

    [Fact]
    public void Account_ids_that_cannot_name_a_secret_are_ignored()
    {
        var settings = CompleteAccount.ToDictionary(kv => kv.Key.Replace(":main:", ":Bad_Id:", StringComparison.Ordinal), kv => kv.Value);

        Assert.Empty(Registry(settings).AccountsOf(Channel));
    }

    [Fact]
    public void The_default_account_is_the_configured_choice_or_else_the_first()
    {
        var two = new Dictionary<string, string?>(CompleteAccount);
        foreach (var (key, value) in CompleteAccount)
        {
            two[key.Replace(":main:", ":backup:", StringComparison.Ordinal)] = value;
        }

        Assert.Equal("backup", Registry(two).DefaultAccountOf(Channel));
        two["Channels:WeChatPay:DefaultAccount"] = "main";
        Assert.Equal("main", Registry(two).DefaultAccountOf(Channel));
        two["Channels:WeChatPay:DefaultAccount"] = "missing";
        Assert.Equal("backup", Registry(two).DefaultAccountOf(Channel));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("live", false)]
    [InlineData("test", true)]
    public void An_accounts_mode_is_live_unless_it_says_test(string? mode, bool test)
    {
        var settings = new Dictionary<string, string?>(CompleteAccount) { ["Channels:WeChatPay:Accounts:main:Mode"] = mode };
        var registry = Registry(settings);

        Assert.Equal(test, registry.IsTestAccount(Channel, "main"));
        Assert.Equal(["main"], registry.AccountsOf(Channel, testMode: test));
        Assert.Empty(registry.AccountsOf(Channel, testMode: !test));
        Assert.Equal("main", registry.DefaultAccountOf(Channel, testMode: test));
        Assert.False(registry.IsConfigured(Channel, testMode: !test));
    }

    [Theory]
    [InlineData("sandbox")]
    [InlineData("Test")]
    [InlineData("prod")]
    public void An_account_of_an_unknown_mode_is_not_configured_in_either(string mode)
    {
        var registry = Registry(new Dictionary<string, string?>(CompleteAccount) { ["Channels:WeChatPay:Accounts:main:Mode"] = mode });

        Assert.Empty(registry.AccountsOf(Channel));
        Assert.False(registry.IsConfigured(Channel, testMode: true));
        Assert.False(registry.IsConfigured(Channel, testMode: false));
    }

    [Fact]
    public void The_configured_default_is_each_modes_default_only_when_it_is_of_that_mode()
    {
        var two = new Dictionary<string, string?>(CompleteAccount) { ["Channels:WeChatPay:DefaultAccount"] = "main" };
        foreach (var (key, value) in CompleteAccount)
        {
            two[key.Replace(":main:", ":sandbox:", StringComparison.Ordinal)] = value;
        }

        two["Channels:WeChatPay:Accounts:sandbox:Mode"] = "test";
        var registry = Registry(two);

        Assert.Equal("main", registry.DefaultAccountOf(Channel, testMode: false));
        Assert.Equal("sandbox", registry.DefaultAccountOf(Channel, testMode: true));
        Assert.Equal(["main", "sandbox"], registry.AccountsOf(Channel));
    }

    [Fact]
    public async Task A_missing_secret_is_named_by_its_store_name()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Registry(CompleteAccount).GetAsync(Channel, "main", CancellationToken.None));

        Assert.Contains("wechat-pay-main-", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_method_is_declared_by_exactly_one_channel_and_named_after_it()
    {
        var methods = ChannelCatalog.All.SelectMany(m => m.Capabilities.Methods.Select(c => (m.Capabilities.Name, c.Method))).ToList();

        Assert.Equal(methods.Count, methods.Select(m => m.Method).Distinct(StringComparer.Ordinal).Count());
        Assert.All(methods, m => Assert.StartsWith(m.Name + ".", m.Method, StringComparison.Ordinal));
        Assert.Equal(ChannelCatalog.All.Count, ChannelRegistry.ChannelNames.Count);
    }

    private static ChannelRegistry Registry(Dictionary<string, string?> settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Mock.Of<IHttpClientFactory>(), Mock.Of<ISecretStore>(), Options.Create(new ApiOptions()),
            new StorageClients(Options.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" })), TimeProvider.System);
}
