using System.Security.Cryptography;
using System.Text;

namespace ChannelSandbox.WeChatPay;

/// <summary>The primitives of WeChat Pay API v3: SHA256withRSA signatures and AEAD_AES_256_GCM resources.</summary>
public static class WeChatPayCrypto
{
    public const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Each line followed by "\n", the body given as raw bytes so nothing is re-encoded before signing.</summary>
    public static byte[] SignatureMessage(IEnumerable<string> lines, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n")));
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        return message;
    }

    public static string Sign(RSA privateKey, byte[] message) =>
        Convert.ToBase64String(privateKey.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(RSA publicKey, byte[] message, string signature)
    {
        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && publicKey.VerifyData(message, bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Returns base64(ciphertext || tag), the layout WeChat Pay puts in <c>resource.ciphertext</c>.</summary>
    public static string Encrypt(byte[] apiV3Key, string nonce, string associatedData, string plaintext)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[plainBytes.Length + AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(apiV3Key, AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(
            Encoding.UTF8.GetBytes(nonce),
            plainBytes,
            output.AsSpan(0, plainBytes.Length),
            output.AsSpan(plainBytes.Length),
            Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }

    public static string RandomString(int length) => RandomNumberGenerator.GetString(Alphanumerics, length);

    public static string RandomDigits(int length) => RandomNumberGenerator.GetString("0123456789", length);
}
