namespace PayFunctions.Channels.WeChatPay;

/// <summary>JSAPI needs the payer's openid under the official account: the account's web authorization (snsapi_base) gives it.</summary>
public sealed partial class WeChatPayClient : IPayerAuthorization
{
    /// <inheritdoc />
    public Uri AuthorizeUrl(Uri redirectUri, string state) => _webAuthorization.AuthorizeUrl(redirectUri, state);

    /// <inheritdoc />
    public Task<string> PayerIdAsync(string code, CancellationToken cancellationToken) => _webAuthorization.OpenIdAsync(code, cancellationToken);
}
