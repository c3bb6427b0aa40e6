using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Checkout;

/// <summary>
/// Every payment's cashier page address, <c>{public base}/api/checkout/{id}?token=…</c>. The token is
/// HMAC-SHA256 of the payment id under a key derived (HKDF, its own label) from the platform's API-key
/// pepper: nothing is stored, only the holder of the address can open the page, and it is checked in
/// constant time before any storage is read. Rolling the pepper invalidates every checkout address.
/// </summary>
public sealed class CheckoutLinks(ISecretStore secrets, IOptions<ApiOptions> api)
{
    public const int TokenLength = 43;
    private static readonly byte[] KeyLabel = Encoding.ASCII.GetBytes("payfunctions checkout link v1");

    public Uri BaseUrl => api.Value.PublicBaseUrl ?? throw new InvalidOperationException("Api:PublicBaseUrl is not configured.");

    public async Task<string> TokenAsync(string paymentId, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        return Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(paymentId)));
    }

    public async Task<string> UrlAsync(string paymentId, CancellationToken cancellationToken) =>
        PageUrl(paymentId, await TokenAsync(paymentId, cancellationToken));

    /// <summary>The page's address with <paramref name="token"/>, and the language when one was picked.</summary>
    public string PageUrl(string paymentId, string token, string? lang = null) =>
        new Uri(BaseUrl, $"api/checkout/{paymentId}").AbsoluteUri + "?token=" + token + (lang is null ? "" : "&lang=" + lang);

    /// <summary>The page that posts the payment's signed form to the channel, <c>{public base}/api/checkout/{id}/redirect?token=…</c>.</summary>
    /// <summary>
    /// Where a channel that posts the payer back lands when the merchant's page started the payment:
    /// <c>POST api/checkout/{id}?token=…&amp;to=return_url</c>, which sends them on to the payment's <c>return_url</c>.
    /// </summary>
    public async Task<Uri> MerchantReturnUrlAsync(string paymentId, CancellationToken cancellationToken) =>
        new(new Uri(BaseUrl, $"api/checkout/{paymentId}").AbsoluteUri + "?token=" + await TokenAsync(paymentId, cancellationToken) + "&to=" + ToReturnUrl);

    public const string ToReturnUrl = "return_url";

    /// <summary>Whether <paramref name="address"/> is one of the platform's own pages.</summary>
    public bool IsOwn(Uri address) => BaseUrl.IsBaseOf(address);

    public async Task<Uri> FormPageUrlAsync(string paymentId, CancellationToken cancellationToken) =>
        new(new Uri(BaseUrl, $"api/checkout/{paymentId}/redirect").AbsoluteUri + "?token=" + await TokenAsync(paymentId, cancellationToken));

    /// <summary>The payment as the merchant API shows it, with its checkout address.</summary>
    public async Task<PaymentResource> ResourceAsync(PaymentEntity payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return PaymentResource.From(payment) with { CheckoutUrl = await UrlAsync(payment.Id, cancellationToken) };
    }

    public async Task<bool> VerifyAsync(string paymentId, string? token, CancellationToken cancellationToken)
    {
        if (token is not { Length: TokenLength })
        {
            return false;
        }

        var expected = await TokenAsync(paymentId, cancellationToken);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(token));
    }

    private Task<byte[]> KeyAsync(CancellationToken cancellationToken) => PepperKeys.DeriveAsync(secrets, KeyLabel, cancellationToken);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
