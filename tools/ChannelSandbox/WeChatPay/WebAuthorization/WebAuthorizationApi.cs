using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.WeChatPay.WebAuthorization;

/// <summary>
/// The official account's web authorization (公众号网页授权) for <c>scope=snsapi_base</c>: the authorize page, which is
/// silent for that scope and sends the browser straight back with a code, and the code exchange, which answers the
/// user's openid. Which WeChat user is "in the app" is the <c>wechat_payer</c> cookie (any short name; "payer" when
/// absent), so a test can be two different payers; each user's openid is stable per official account.
/// </summary>
public static class WebAuthorizationApi
{
    public const string PayerCookie = "wechat_payer";
    private const string DefaultPayer = "payer";
    private const int MaxStateLength = 128;
    private const int MaxPayerLength = 64;

    // WeChat matches the authorize link strictly: these parameters, in this order, and refuses the page otherwise.
    private static readonly string[] AuthorizeParameters = ["appid", "redirect_uri", "response_type", "scope", "state"];

    public static void MapWeChatWebAuthorization(this IEndpointRouteBuilder app)
    {
        app.MapGet("/connect/oauth2/authorize", Authorize);
        app.MapGet("/sns/oauth2/access_token", Exchange);
    }

    /// <summary>The openid of <paramref name="payer"/> under <paramref name="appId"/>: 28 characters starting "o", as WeChat's are.</summary>
    public static string OpenIdOf(string appId, string payer) =>
        "o" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(appId + "\n" + payer))).Replace('+', '-').Replace('/', '_')[..27];

    private static IResult Authorize(HttpRequest request, IOptions<WeChatPayIdentity> identity, AuthorizationCodes codes)
    {
        var names = request.Query.Keys.ToList();
        var query = request.Query;
        if (!names.SequenceEqual(AuthorizeParameters.Take(names.Count)) || names.Count < AuthorizeParameters.Length - 1)
        {
            return Refused("The link's parameters must be appid, redirect_uri, response_type, scope and state, in that order.");
        }

        if (query["appid"].ToString() != identity.Value.AppId)
        {
            return Refused("appid is not an official account known here.");
        }

        if (!Uri.TryCreate(query["redirect_uri"].ToString(), UriKind.Absolute, out var redirect) || redirect.Scheme is not ("https" or "http") || redirect.Fragment.Length > 0)
        {
            return Refused("redirect_uri must be an absolute http(s) address without a fragment.");
        }

        if (query["response_type"].ToString() != "code")
        {
            return Refused("response_type must be code.");
        }

        // snsapi_userinfo shows a consent page first; only the silent scope is simulated.
        if (query["scope"].ToString() != "snsapi_base")
        {
            return Refused("scope must be snsapi_base: the consent page of snsapi_userinfo is not simulated.");
        }

        var state = query["state"].ToString();
        if (state.Length > MaxStateLength || !state.All(char.IsAsciiLetterOrDigit))
        {
            return Refused("state takes at most 128 letters and digits.");
        }

        var payer = request.Cookies[PayerCookie] is { Length: > 0 and <= MaxPayerLength } named ? named : DefaultPayer;
        var code = codes.Issue(identity.Value.AppId, OpenIdOf(identity.Value.AppId, payer), "snsapi_base");
        var separator = string.IsNullOrEmpty(redirect.Query) ? "?" : "&";
        return Results.Redirect(redirect.AbsoluteUri + separator + "code=" + code + "&state=" + state);
    }

    private static IResult Exchange(HttpRequest request, IOptions<WeChatPayIdentity> identity, WeChatPayKeys keys, AuthorizationCodes codes)
    {
        var query = request.Query;
        if (query["appid"].ToString() != identity.Value.AppId)
        {
            return Error(40013, "invalid appid");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(query["secret"].ToString()), Encoding.UTF8.GetBytes(keys.AppSecret)))
        {
            return Error(40125, "invalid appsecret");
        }

        if (query["grant_type"].ToString() != "authorization_code")
        {
            return Error(40002, "invalid grant_type");
        }

        var code = query["code"].ToString();
        if (code.Length == 0)
        {
            return Error(41008, "missing code");
        }

        var (grant, refusal) = codes.Redeem(identity.Value.AppId, code);
        return grant is null
            ? (refusal == AuthorizationCodes.Refusal.Used ? Error(40163, "code been used") : Error(40029, "invalid code"))
            : Results.Json(
                new
                {
                    access_token = WeChatPayCrypto.RandomString(86),
                    expires_in = 7200,
                    refresh_token = WeChatPayCrypto.RandomString(86),
                    openid = grant.OpenId,
                    scope = grant.Scope,
                },
                SandboxJson.Options);
    }

    // WeChat answers errors with HTTP 200 and {errcode, errmsg}; the message ends with a request id.
    private static IResult Error(int errcode, string errmsg) =>
        Results.Json(new { errcode, errmsg = errmsg + ", rid: " + WeChatPayCrypto.RandomString(8).ToLowerInvariant() }, SandboxJson.Options);

    // The real page shows an error in the browser and goes nowhere.
    private static IResult Refused(string message) =>
        Results.Text("<!doctype html><meta charset=\"utf-8\"><title>微信</title><p>" + System.Net.WebUtility.HtmlEncode(message) + "</p>", "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
