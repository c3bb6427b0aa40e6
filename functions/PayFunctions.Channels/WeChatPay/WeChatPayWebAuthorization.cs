using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// The official account's web authorization (公众号网页授权) with <c>scope=snsapi_base</c>: silent (no consent page),
/// it yields the payer's openid under <see cref="WeChatPayOptions.AppId"/>, which JSAPI orders carry as <c>payer.openid</c>.
/// The authorize address's parameters stay in the documented order: WeChat matches the link strictly and refuses another order.
/// </summary>
internal sealed partial class WeChatPayWebAuthorization(HttpClient httpClient, WeChatPayOptions options, string appSecret)
{
    internal const string CodeRefused = "OAUTH_CODE_REFUSED";
    internal const string AnswerMalformed = "OAUTH_ANSWER_MALFORMED";

    // -1 is WeChat's "system busy, try again"; every other errcode is final for this code.
    private const int SystemBusy = -1;
    private const int MaxStateLength = 128;
    private const int MaxCodeLength = 512;

    public Uri AuthorizeUrl(Uri redirectUri, string state)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        if (!redirectUri.IsAbsoluteUri || state.Length > MaxStateLength || !state.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("The redirect address must be absolute and the state at most 128 ASCII letters and digits.");
        }

        return new Uri(
            options.OAuthPageBaseUrl,
            "connect/oauth2/authorize?appid=" + Uri.EscapeDataString(options.AppId)
            + "&redirect_uri=" + Uri.EscapeDataString(redirectUri.AbsoluteUri)
            + "&response_type=code&scope=snsapi_base&state=" + state + "#wechat_redirect");
    }

    /// <summary>Exchanges the one-time code (valid five minutes) for the openid; the access token it also brings is not kept.</summary>
    public async Task<string> OpenIdAsync(string code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code) || code.Length > MaxCodeLength)
        {
            throw new ChannelException("The authorization code is empty or too long.", CodeRefused, null, isTransient: false);
        }

        var uri = new Uri(
            options.OAuthApiBaseUrl,
            "sns/oauth2/access_token?appid=" + Uri.EscapeDataString(options.AppId)
            + "&secret=" + Uri.EscapeDataString(appSecret)
            + "&code=" + Uri.EscapeDataString(code)
            + "&grant_type=authorization_code");
        AccessTokenAnswer? answer;
        int status;
        try
        {
            using var response = await httpClient.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw new ChannelException($"The code exchange answered HTTP {status}.", null, status, isTransient: status >= 500 || status == 429);
            }

            answer = JsonSerializer.Deserialize<AccessTokenAnswer>(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException e)
        {
            throw new ChannelException("The code exchange could not reach WeChat.", null, null, isTransient: true, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelException("The code exchange timed out.", null, null, isTransient: true, e);
        }
        catch (JsonException e)
        {
            throw new ChannelException("The code exchange answered something other than JSON.", AnswerMalformed, null, isTransient: false, e);
        }

        if (answer?.ErrCode is { } errCode and not 0)
        {
            // errmsg carries a request id ("invalid code, rid: …"), not the code, so it is safe to pass on.
            throw new ChannelException(
                $"WeChat refused the authorization code: {answer.ErrMsg}", errCode.ToString(System.Globalization.CultureInfo.InvariantCulture), status, isTransient: errCode == SystemBusy);
        }

        return answer?.OpenId is { } openId && OpenIdPattern().IsMatch(openId)
            ? openId
            : throw new ChannelException("The code exchange answered no usable openid.", AnswerMalformed, status, isTransient: false);
    }

    // Openids are 28 characters of [A-Za-z0-9_-] today; the bound is loose so a longer format still passes, junk does not.
    [GeneratedRegex("^[A-Za-z0-9_-]{6,128}$")]
    private static partial Regex OpenIdPattern();

    private sealed record AccessTokenAnswer(
        [property: JsonPropertyName("errcode")] int? ErrCode,
        [property: JsonPropertyName("errmsg")] string? ErrMsg,
        [property: JsonPropertyName("openid")] string? OpenId);
}
