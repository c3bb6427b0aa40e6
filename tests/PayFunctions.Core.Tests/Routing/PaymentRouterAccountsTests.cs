using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Tests.Routing;

/// <summary>The accounts a decision chooses among are read from the configuration once, and again only after it reloads.</summary>
public sealed class PaymentRouterAccountsTests
{
    private const string Channel = "wechat_pay";

    private readonly IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection(
        Account("alpha").Concat(Account("beta")).Append(new("Channels:WeChatPay:DefaultAccount", "beta"))).Build();

    [Fact]
    public void The_default_account_comes_first_and_is_the_only_one_for_a_payer_bound_payment()
    {
        using var router = Router();

        Assert.Equal([new(Channel, "beta"), new ChannelAccountId(Channel, "alpha")], router.Configured(Channel, payerBound: false));
        Assert.Equal([new ChannelAccountId(Channel, "beta")], router.Configured(Channel, payerBound: true));
    }

    [Fact]
    public void The_list_is_read_once_and_the_same_on_every_decision()
    {
        using var router = Router();

        var first = router.Configured(Channel, payerBound: false);

        Assert.Same(first, router.Configured(Channel, payerBound: false));
        Assert.Equal(first, router.Configured(Channel, payerBound: false));
    }

    [Fact]
    public void A_reloaded_configuration_is_read_again()
    {
        using var router = Router();
        var before = router.Configured(Channel, payerBound: false);

        foreach (var (key, value) in Account("gamma"))
        {
            configuration[key] = value;
        }

        configuration["Channels:WeChatPay:DefaultAccount"] = "gamma";
        Assert.Same(before, router.Configured(Channel, payerBound: false));
        configuration.Reload();

        Assert.Equal(
            [new(Channel, "gamma"), new(Channel, "alpha"), new ChannelAccountId(Channel, "beta")],
            router.Configured(Channel, payerBound: false));
    }

    private static Dictionary<string, string?> Account(string id) =>
        new Dictionary<string, string?>
        {
            [$"Channels:WeChatPay:Accounts:{id}:MchId"] = "1900000109",
            [$"Channels:WeChatPay:Accounts:{id}:AppId"] = "wx1",
            [$"Channels:WeChatPay:Accounts:{id}:MerchantSerialNo"] = "A1",
            [$"Channels:WeChatPay:Accounts:{id}:PlatformSerialNo"] = "B2",
        };

    private PaymentRouter Router()
    {
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }));
        var channels = new ChannelRegistry(
            configuration, Mock.Of<IHttpClientFactory>(), Mock.Of<ISecretStore>(), Options.Create(new ApiOptions()), storage, TimeProvider.System);
        return new PaymentRouter(
            channels,
            new RoutingPolicyStore(storage, TimeProvider.System, NullLogger<RoutingPolicyStore>.Instance),
            new ChannelHealth(TimeProvider.System),
            new RoutingUsage(new RoutingUsageRows(storage), Options.Create(new RoutingOptions { InstanceId = "test" }), TimeProvider.System, NullLogger<RoutingUsage>.Instance),
            TimeProvider.System,
            configuration);
    }
}
