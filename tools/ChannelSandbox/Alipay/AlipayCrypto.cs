using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChannelSandbox.Alipay;

/// <summary>The gateway's own implementation of Alipay's RSA2 signing strings, signatures and formats.</summary>
public static class AlipayCrypto
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>
    /// Sorted <c>k=v</c> pairs joined with <c>&amp;</c> over raw values, without <c>sign</c>, without empty values,
    /// and for notifications and return URLs without <c>sign_type</c>.
    /// </summary>
    public static string SigningString(IEnumerable<KeyValuePair<string, string>> parameters, bool withoutSignType) =>
        string.Join('&', parameters
            .Where(p => p.Key.Length > 0 && p.Value.Length > 0 && p.Key != "sign" && !(withoutSignType && p.Key == "sign_type"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));

    public static string Sign(RSA key, string content) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(RSA key, string content, string signature)
    {
        try
        {
            return key.VerifyData(Encoding.UTF8.GetBytes(content), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>application/x-www-form-urlencoded, UTF-8.</summary>
    public static string FormEncode(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    public static string Time(DateTimeOffset instant) =>
        instant.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string TimeWithMilliseconds(DateTimeOffset instant) =>
        instant.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static bool TryParseTime(string value, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        instant = new DateTimeOffset(local, Beijing);
        return true;
    }

    /// <summary>Yuan with at most two decimals, 0.01 to 100000000.00, as fen; false for anything else.</summary>
    public static bool TryParseYuan(string? text, out long fen)
    {
        fen = 0;
        if (string.IsNullOrEmpty(text) || !System.Text.RegularExpressions.Regex.IsMatch(text, @"^(0|[1-9][0-9]{0,8})(\.[0-9]{1,2})?$"))
        {
            return false;
        }

        var parts = text.Split('.');
        fen = long.Parse(parts[0], CultureInfo.InvariantCulture) * 100
            + (parts.Length > 1 ? long.Parse(parts[1].PadRight(2, '0'), CultureInfo.InvariantCulture) : 0);
        return fen is >= 1 and <= 100_000_000_00;
    }

    public static string Yuan(long fen) =>
        (fen / 100).ToString(CultureInfo.InvariantCulture) + "." + (fen % 100).ToString("D2", CultureInfo.InvariantCulture);

    public static string RandomDigits(int count) => RandomNumberGenerator.GetString("0123456789", count);
}
