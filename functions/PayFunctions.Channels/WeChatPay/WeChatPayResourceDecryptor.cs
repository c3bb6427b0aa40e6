using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// AEAD_AES_256_GCM decryption of a callback <c>resource</c>: the key is the APIv3 key's UTF-8 bytes, the
/// nonce and associated data are UTF-8 strings, and the base64 ciphertext ends with the 16-byte tag.
/// </summary>
internal static class WeChatPayResourceDecryptor
{
    /// <summary>The algorithm name WeChat Pay puts in <c>resource.algorithm</c>.</summary>
    public const string Algorithm = "AEAD_AES_256_GCM";

    /// <summary>AES-256 key size.</summary>
    public const int KeySizeInBytes = 32;

    private const int NonceSizeInBytes = 12;
    private const int TagSizeInBytes = 16;

    /// <summary>Decrypts and authenticates; throws <see cref="CryptographicException"/> for any mismatch or malformed input.</summary>
    public static byte[] Decrypt(string apiV3Key, string nonce, string associatedData, string ciphertextBase64)
    {
        var key = Encoding.UTF8.GetBytes(apiV3Key);
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        if (key.Length != KeySizeInBytes || nonceBytes.Length != NonceSizeInBytes)
        {
            throw new CryptographicException("AEAD_AES_256_GCM needs a 32-byte key and a 12-byte nonce.");
        }

        var sealedBytes = new byte[ciphertextBase64.Length];
        if (!Convert.TryFromBase64String(ciphertextBase64, sealedBytes, out var sealedLength) || sealedLength < TagSizeInBytes)
        {
            throw new CryptographicException("The ciphertext is not base64 of at least one authentication tag.");
        }

        var cipherLength = sealedLength - TagSizeInBytes;
        var plaintext = new byte[cipherLength];
        using var aes = new AesGcm(key, TagSizeInBytes);
        aes.Decrypt(
            nonceBytes,
            sealedBytes.AsSpan(0, cipherLength),
            sealedBytes.AsSpan(cipherLength, TagSizeInBytes),
            plaintext,
            Encoding.UTF8.GetBytes(associatedData));
        return plaintext;
    }
}
