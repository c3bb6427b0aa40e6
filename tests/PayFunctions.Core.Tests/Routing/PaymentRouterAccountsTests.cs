using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Tests.Routing;

/// <summary>The accounts a decision chooses among are read from the configuration once, and again only after it reloads.</summary>
public sealed class PaymentRouterAccountsTests
{
    private const string Channel = "wechat_pay";

    private readonly IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection(
        TestRouting.Account("alpha").Concat(TestRouting.Account("beta")).Append(new("Channels:WeChatPay:DefaultAccount", "beta"))).Build();

    [Fact]
    public void The_default_account_comes_first_and_is_the_only_one_for_a_payer_bound_payment()
    {
        using var router = Router();

        Assert.Equal([new(Channel, "beta"), new ChannelAccountId(Channel, "alpha")], router.Configured(Channel, testMode: false, payerBound: false));
        Assert.Equal([new ChannelAccountId(Channel, "beta")], router.Configured(Channel, testMode: false, payerBound: true));
    }

    [Fact]
    public void A_decision_chooses_among_the_accounts_of_its_mode_only()
    {
        foreach (var (key, value) in TestRouting.Account("sandbox").Append(new("Channels:WeChatPay:Accounts:sandbox:Mode", "test")))
        {
            configuration[key] = value;
        }

        using var router = Router();

        Assert.Equal([new(Channel, "beta"), new ChannelAccountId(Channel, "alpha")], router.Configured(Channel, testMode: false, payerBound: false));
        Assert.Equal([new ChannelAccountId(Channel, "sandbox")], router.Configured(Channel, testMode: true, payerBound: false));
        Assert.Equal([new ChannelAccountId(Channel, "sandbox")], router.Configured(Channel, testMode: true, payerBound: true));
    }

    [Fact]
    public void The_list_is_read_once_and_the_same_on_every_decision()
    {
        using var router = Router();

        var first = router.Configured(Channel, testMode: false, payerBound: false);

        Assert.Same(first, router.Configured(Channel, testMode: false, payerBound: false));
        Assert.Equal(first, router.Configured(Channel, testMode: false, payerBound: false));
    }

    [Fact]
    public void A_reloaded_configuration_is_read_again()
    {
        using var router = Router();
        var before = router.Configured(Channel, testMode: false, payerBound: false);

        foreach (var (key, value) in TestRouting.Account("gamma"))
        {
            configuration[key] = value;
        }

        configuration["Channels:WeChatPay:DefaultAccount"] = "gamma";
        Assert.Same(before, router.Configured(Channel, testMode: false, payerBound: false));
        configuration.Reload();

        Assert.Equal(
            [new(Channel, "gamma"), new(Channel, "alpha"), new ChannelAccountId(Channel, "beta")],
            router.Configured(Channel, testMode: false, payerBound: false));
    }

    private PaymentRouter Router() =>
        TestRouting.Over(
            configuration, new StorageClients(Options.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" })), TimeProvider.System).Router;
}
