using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// Signs API requests with the merchant private key: SHA256withRSA (PKCS#1 v1.5) over
/// <c>METHOD\nURL\ntimestamp\nnonce\nbody\n</c>, sent as a <c>WECHATPAY2-SHA256-RSA2048</c> Authorization header.
/// </summary>
internal sealed class WeChatPayRequestSigner : IDisposable
{
    /// <summary>The Authorization scheme of APIv3.</summary>
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    private const string NonceAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int NonceLength = 32;

    private readonly RSA _privateKey;

    public WeChatPayRequestSigner(string merchantPrivateKeyPem)
    {
        _privateKey = RSA.Create();
        try
        {
            _privateKey.ImportFromPem(merchantPrivateKeyPem);
        }
        catch
        {
            _privateKey.Dispose();
            throw;
        }
    }

    /// <summary>The signing message; <paramref name="canonicalUrl"/> is the path plus query exactly as sent.</summary>
    public static string BuildMessage(string method, string canonicalUrl, long timestamp, string nonce, string body) =>
        string.Create(CultureInfo.InvariantCulture, $"{method}\n{canonicalUrl}\n{timestamp}\n{nonce}\n{body}\n");

    /// <summary>The Authorization parameter list, in the order of the documentation's example.</summary>
    public static string BuildAuthorizationParameter(string mchId, string nonce, string signature, long timestamp, string serialNo) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"mchid=\"{mchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{serialNo}\"");

    /// <summary>A fresh unpredictable nonce; WeChat Pay only requires it to be at most 32 characters.</summary>
    public static string CreateNonce() => RandomNumberGenerator.GetString(NonceAlphabet, NonceLength);

    /// <summary>The base64 SHA256withRSA signature of the UTF-8 bytes of <paramref name="message"/>.</summary>
    public string Sign(string message) =>
        Convert.ToBase64String(_privateKey.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose() => _privateKey.Dispose();
}
