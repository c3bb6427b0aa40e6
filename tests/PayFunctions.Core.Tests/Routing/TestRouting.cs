using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Tests.Routing;

/// <summary>A router over configured channel accounts, with no secrets and the default policy of every merchant.</summary>
internal sealed record TestRouting(ChannelRegistry Channels, RoutingUsage Usage, PaymentRouter Router)
{
    /// <summary>The settings of a complete account <paramref name="id"/> at the channel the tests route to.</summary>
    public static Dictionary<string, string?> Account(string id) =>
        new()
        {
            [$"Channels:WeChatPay:Accounts:{id}:MchId"] = "1900000109",
            [$"Channels:WeChatPay:Accounts:{id}:AppId"] = "wx1",
            [$"Channels:WeChatPay:Accounts:{id}:MerchantSerialNo"] = "A1",
            [$"Channels:WeChatPay:Accounts:{id}:PlatformSerialNo"] = "B2",
        };

    public static TestRouting Over(IConfiguration configuration, StorageClients storage, TimeProvider time)
    {
        var channels = new ChannelRegistry(
            configuration, Mock.Of<IHttpClientFactory>(), Mock.Of<ISecretStore>(), Options.Create(new ApiOptions()), storage, time);
        var usage = new RoutingUsage(new RoutingUsageRows(storage), Options.Create(new RoutingOptions { InstanceId = "test" }), time, NullLogger<RoutingUsage>.Instance);
        var router = new PaymentRouter(
            channels, new RoutingPolicyStore(storage, time, NullLogger<RoutingPolicyStore>.Instance), new ChannelHealth(time), usage,
            Options.Create(new ChannelResilienceOptions()), time, configuration);
        return new TestRouting(channels, usage, router);
    }
}
