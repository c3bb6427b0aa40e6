using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ChannelSandbox.Tests.UnionPay;

/// <summary>
/// A merchant talking ACP 5.1.0 to the sandbox, written from the specification for these tests: signs its forms
/// with the generated merchant key (certId 68759663125) and checks UnionPay's answers against the generated root.
/// </summary>
public sealed class UnionPayMerchant(HttpClient client, string privateKeyPem, string rootPem, string middlePem)
{
    public const string MerId = "777290058110048";
    public const string CertId = "68759663125";

    public string RootPem { get; } = rootPem;

    public string MiddlePem { get; } = middlePem;

    public static string NewOrderId() => "ut" + Guid.NewGuid().ToString("N")[..20];

    public static string ChinaNow() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Fields(string txnType, string txnSubType, string orderId, string txnTime) => new(StringComparer.Ordinal)
    {
        ["version"] = "5.1.0",
        ["encoding"] = "UTF-8",
        ["signMethod"] = "01",
        ["txnType"] = txnType,
        ["txnSubType"] = txnSubType,
        ["bizType"] = "000000",
        ["accessType"] = "0",
        ["merId"] = MerId,
        ["orderId"] = orderId,
        ["txnTime"] = txnTime,
    };

    public static string SigningText(IReadOnlyDictionary<string, string> fields) =>
        string.Join("&", fields.Keys.Where(key => key != "signature").OrderBy(key => key, StringComparer.Ordinal).Select(key => key + "=" + fields[key]));

    public static byte[] Digest(IReadOnlyDictionary<string, string> fields) =>
        Encoding.UTF8.GetBytes(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(SigningText(fields)))).ToLowerInvariant());

    public Dictionary<string, string> Sign(Dictionary<string, string> fields)
    {
        using var key = RSA.Create();
        key.ImportFromPem(privateKeyPem);
        fields["certId"] = CertId;
        fields.Remove("signature");
        fields["signature"] = Convert.ToBase64String(key.SignData(Digest(fields), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return fields;
    }

    /// <summary>Posts the signed form and returns the answer's fields, split the way the SDK splits them.</summary>
    public async Task<Dictionary<string, string>> PostAsync(string path, Dictionary<string, string> fields, bool sign = true)
    {
        using var content = new FormUrlEncodedContent(sign ? Sign(fields) : fields);
        using var response = await client.PostAsync(path, content);
        Assert.Equal(200, (int)response.StatusCode);
        return ParseAnswer(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Whether UnionPay signed the fields with a certificate under the generated root, owned by UnionPay.</summary>
    public bool IsFromUnionPay(IReadOnlyDictionary<string, string> fields)
    {
        using var certificate = X509Certificate2.CreateFromPem(fields["signPubKeyCert"]);
        using var root = X509Certificate2.CreateFromPem(RootPem);
        using var middle = X509Certificate2.CreateFromPem(MiddlePem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.ExtraStore.Add(middle);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var owner = certificate.GetNameInfo(X509NameType.SimpleName, false).Split('@');
        using var key = certificate.GetRSAPublicKey()!;
        return chain.Build(certificate) && chain.ChainElements.Count == 3 && owner.Length > 2 && owner[2] == "中国银联股份有限公司"
            && key.VerifyData(Digest(fields), Convert.FromBase64String(fields["signature"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public static Dictionary<string, string> ParseAnswer(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            fields[pair[..equals]] = pair[(equals + 1)..];
        }

        return fields;
    }

    public static Dictionary<string, string> ParseForm(byte[] body) =>
        Encoding.UTF8.GetString(body).Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(
            pair => Uri.UnescapeDataString(pair[0].Replace('+', ' ')),
            pair => Uri.UnescapeDataString(pair[1].Replace('+', ' ')),
            StringComparer.Ordinal);

    public Task<Dictionary<string, string>> ApplyQrCodeAsync(string orderId, string txnTime, long amount, string backUrl)
    {
        var fields = Fields("01", "07", orderId, txnTime);
        fields["channelType"] = "08";
        fields["txnAmt"] = amount.ToString(CultureInfo.InvariantCulture);
        fields["currencyCode"] = "156";
        fields["backUrl"] = backUrl;
        return PostAsync("/gateway/api/backTransReq.do", fields);
    }

    public Task<Dictionary<string, string>> ConsumeByCodeAsync(string orderId, string txnTime, long amount, string backUrl, string code = "6222021234567890123")
    {
        var fields = Fields("01", "06", orderId, txnTime);
        fields["channelType"] = "08";
        fields["txnAmt"] = amount.ToString(CultureInfo.InvariantCulture);
        fields["currencyCode"] = "156";
        fields["backUrl"] = backUrl;
        fields["qrNo"] = code;
        return PostAsync("/gateway/api/backTransReq.do", fields);
    }

    public Task<Dictionary<string, string>> QueryAsync(string orderId, string txnTime) =>
        PostAsync("/gateway/api/queryTrans.do", Fields("00", "00", orderId, txnTime));
}
