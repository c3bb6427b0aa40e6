namespace ChannelSandbox.WeChatPay;

/// <summary>
/// Platform key rotation on demand: add a second key (both then sign, in turn), retire the first, and list the
/// active keys in the form a merchant configures them (serials in order, PEM blocks in the same order).
/// </summary>
public static class PlatformKeysControlApi
{
    public static void MapWeChatPayPlatformKeysControl(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/sandbox/wechat_pay/platform-keys");
        keys.MapGet("/", (PlatformSigningKeys signing) => View(signing.Active()));
        keys.MapPost("/rotate", (PlatformSigningKeys signing) => View(signing.Rotate()));
        keys.MapPost("/retire", (PlatformSigningKeys signing) => View(signing.RetireOriginal()));
    }

    private static IResult View(IReadOnlyList<SigningKey> keys) => Results.Json(
        new
        {
            platform_serial_no = string.Join(",", keys.Select(key => key.Serial)),
            platform_public_key = string.Concat(keys.Select(key => key.PublicKeyPem + "\n")),
            keys = keys.Select(key => new { serial = key.Serial, public_key = key.PublicKeyPem }),
        },
        SandboxJson.Options);
}
