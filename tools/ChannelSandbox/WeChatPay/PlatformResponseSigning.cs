using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.WeChatPay;

/// <summary>
/// Signs every API v3 answer with the platform key over <c>timestamp\nnonce\nbody\n</c>, so merchants can
/// check that the response really comes from the channel.
/// </summary>
public sealed class PlatformResponseSigning(
    RequestDelegate next,
    WeChatPayKeys keys,
    IOptions<WeChatPayIdentity> identity,
    TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WeChatPayCrypto.RandomString(32);
        var headers = context.Response.Headers;
        headers["Wechatpay-Timestamp"] = timestamp;
        headers["Wechatpay-Nonce"] = nonce;
        headers["Wechatpay-Signature"] = WeChatPayCrypto.Sign(
            keys.PlatformPrivateKey, WeChatPayCrypto.SignatureMessage([timestamp, nonce], body));
        headers["Wechatpay-Serial"] = identity.Value.PlatformSerial;
        headers["Request-ID"] = Guid.NewGuid().ToString("N");
        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
    }
}
