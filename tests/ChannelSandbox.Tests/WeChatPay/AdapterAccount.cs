using ChannelSandbox.WeChatPay;
using PayFunctions.Channels;
using PayFunctions.Channels.WeChatPay;

namespace ChannelSandbox.Tests.WeChatPay;

/// <summary>The platform's WeChat Pay adapter, built by its module from the secrets the sandbox wrote, pointed at the sandbox.</summary>
public sealed class AdapterAccount : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="subMchId">The sub-merchant a service-provider account places orders for; a direct merchant when null.</param>
    /// <param name="baseUrl">Where the adapter sends API v3 calls; the sandbox's root when null.</param>
    /// <param name="network">What carries the adapter's calls, e.g. a handler that alters answers on the way; the socket stack when null.</param>
    public AdapterAccount(
        SandboxHost host, string? platformSerialNo = null, string? platformPublicKey = null, TimeSpan? timeout = null, string? subMchId = null, Uri? baseUrl = null,
        HttpMessageHandler? network = null)
    {
        _http = new HttpClient(network ?? new SocketsHttpHandler()) { Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        var settings = new Dictionary<string, string>
        {
            ["MchId"] = SandboxHost.MchId,
            ["AppId"] = SandboxHost.AppId,
            ["MiniProgramAppId"] = "wx6666666666666666",
            ["MobileAppId"] = "wx7777777777777777",
            ["MerchantSerialNo"] = SandboxHost.MerchantSerial,
            ["PlatformSerialNo"] = platformSerialNo ?? SandboxHost.PlatformSerial,
            ["BaseUrl"] = (baseUrl ?? host.BaseAddress).AbsoluteUri,
            ["OAuthPageBaseUrl"] = host.BaseAddress.AbsoluteUri,
            ["OAuthApiBaseUrl"] = host.BaseAddress.AbsoluteUri,
        };
        if (subMchId is not null)
        {
            settings["SubMchId"] = subMchId;
        }

        var secrets = new Dictionary<string, string>
        {
            [WeChatPayModule.MerchantPrivateKeySecret] = host.Secret(WeChatPayKeyFiles.MerchantPrivateKeySecret),
            [WeChatPayModule.PlatformPublicKeySecret] = platformPublicKey ?? host.Secret(WeChatPayKeyFiles.PlatformPublicKeySecret),
            [WeChatPayModule.ApiV3KeySecret] = host.Secret(WeChatPayKeyFiles.ApiV3KeySecret),
            [WeChatPayModule.AppSecretSecret] = host.Secret(WeChatPayKeyFiles.AppSecretSecret),
        };
        Channel = new WeChatPayModule().Create(new ChannelAccount("main", settings, secrets), _http, TimeProvider.System);
    }

    public IPaymentChannel Channel { get; }

    public void Dispose()
    {
        (Channel as IDisposable)?.Dispose();
        _http.Dispose();
    }
}
