using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Channels.WeChatPay;
using PayFunctions.Core.Configuration;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Channels;

/// <summary>
/// Builds channel adapters from configuration and the secret store. Adapters are kept for a few
/// minutes: parsing RSA keys per request is wasteful, and a rotated key must still be picked up.
/// </summary>
public sealed class ChannelResolver(
    IHttpClientFactory httpClients,
    IOptions<WeChatPayChannelOptions> weChatPay,
    ISecretStore secrets,
    TimeProvider time) : IDisposable
{
    public const string WeChatPayName = "wechat_pay";
    public const string WeChatPayMerchantKeySecret = "wechatpay-merchant-private-key";
    public const string WeChatPayPlatformKeySecret = "wechatpay-platform-public-key";
    public const string WeChatPayApiV3KeySecret = "wechatpay-apiv3-key";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (IPaymentChannel Channel, DateTimeOffset Expires)? weChatPayClient;

    public static bool IsKnown(string? channel) => channel == WeChatPayName;

    public bool IsConfigured(string channel) => channel == WeChatPayName && weChatPay.Value.IsValid();

    public async Task<IPaymentChannel> GetAsync(string channel, CancellationToken cancellationToken) => channel switch
    {
        WeChatPayName => await WeChatPayAsync(cancellationToken),
        _ => throw new ArgumentException($"Unknown channel '{channel}'.", nameof(channel)),
    };

    private async Task<IPaymentChannel> WeChatPayAsync(CancellationToken cancellationToken)
    {
        var cached = weChatPayClient;
        if (cached is { } hit && hit.Expires > time.GetUtcNow())
        {
            return hit.Channel;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var o = weChatPay.Value;
            var credentials = new WeChatPayCredentials(
                await RequireAsync(WeChatPayMerchantKeySecret, cancellationToken),
                await RequireAsync(WeChatPayPlatformKeySecret, cancellationToken),
                await RequireAsync(WeChatPayApiV3KeySecret, cancellationToken));
            var options = new WeChatPayOptions
            {
                BaseUrl = o.BaseUrl,
                MchId = o.MchId,
                AppId = o.AppId,
                MerchantSerialNo = o.MerchantSerialNo,
                PlatformSerialNo = o.PlatformSerialNo,
            };
            var client = new WeChatPayClient(httpClients.CreateClient(WeChatPayName), options, credentials, time);
            weChatPayClient = (client, time.GetUtcNow() + Lifetime);
            return client;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task<string> RequireAsync(string name, CancellationToken cancellationToken) =>
        await secrets.GetAsync(name, cancellationToken)
        ?? throw new InvalidOperationException($"Secret '{name}' is missing from the secret store.");
}
