using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.WeChatPay;

/// <summary>
/// Rejects any API v3 request whose <c>Authorization</c> is not a valid WECHATPAY2-SHA256-RSA2048
/// signature by the merchant, as WeChat Pay does before looking at the request at all.
/// </summary>
public sealed partial class MerchantAuthentication(
    RequestDelegate next,
    WeChatPayKeys keys,
    IOptions<WeChatPayIdentity> identity,
    TimeProvider time)
{
    private const string Scheme = "WECHATPAY2-SHA256-RSA2048";
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public async Task InvokeAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body.Position = 0;

        var failure = Check(context, buffer.ToArray());
        if (failure is not null)
        {
            await new WeChatPayError(StatusCodes.Status401Unauthorized, "SIGN_ERROR", failure).ToResult().ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private string? Check(HttpContext context, byte[] body)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme + " ", StringComparison.Ordinal))
        {
            return $"Authorization 缺失或认证类型不是 {Scheme}";
        }

        var fields = AuthorizationField().Matches(header[Scheme.Length..])
            .ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value, StringComparer.Ordinal);
        string[] required = ["mchid", "nonce_str", "signature", "timestamp", "serial_no"];
        var missing = required.FirstOrDefault(name => !fields.ContainsKey(name));
        if (missing is not null)
        {
            return $"Authorization 缺少 {missing}";
        }

        if (fields["mchid"] != identity.Value.MchId)
        {
            return "商户号与签名不匹配";
        }

        if (!string.Equals(fields["serial_no"], identity.Value.MerchantSerial, StringComparison.OrdinalIgnoreCase))
        {
            return "商户证书序列号不正确";
        }

        if (!long.TryParse(fields["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).Duration() > MaxClockSkew)
        {
            return "timestamp 与服务器时间相差超过 5 分钟";
        }

        // The signed URL is the request target exactly as the client sent it, percent-encoding included.
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget
            ?? context.Request.Path + context.Request.QueryString;
        var message = WeChatPayCrypto.SignatureMessage(
            [context.Request.Method, target, fields["timestamp"], fields["nonce_str"]], body);
        return WeChatPayCrypto.Verify(keys.MerchantPublicKey, message, fields["signature"])
            ? null
            : "签名错误";
    }

    [GeneratedRegex("([a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex AuthorizationField();
}
