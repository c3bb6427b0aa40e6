using System.Numerics;

namespace PayFunctions.Channels.BankTransfer;

/// <summary>
/// The transfer reference of a payment, and the payment a reference names, with nothing stored. The platform's payment
/// ids ("pay_" + 24 base-36 characters: 36^12−1 minus the creation time in Unix milliseconds, then 12 random ones) are
/// longer than the 21 characters an ISO 11649 reference carries, but the information in them is not: the creation time
/// and the random part together are one number below 36^21, written in 21 base-36 digits after "RF" and the check digits.
/// </summary>
internal static class PaymentReferences
{
    private const string Prefix = "pay_";
    private const int HalfDigits = 12;
    private const int BodyDigits = 21;
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static readonly BigInteger Half = BigInteger.Pow(36, HalfDigits);
    private static readonly BigInteger MaxMillis = Half - 1;
    private static readonly BigInteger Limit = BigInteger.Pow(36, BodyDigits);

    /// <summary>The reference of a payment id.</summary>
    /// <exception cref="ArgumentException">The order number is not one of the platform's payment ids.</exception>
    public static string ForOrder(string outTradeNo)
    {
        if (!TryParseBody(outTradeNo, out var inverted, out var random))
        {
            throw new ArgumentException("Not one of the platform's payment ids.", nameof(outTradeNo));
        }

        var created = MaxMillis - inverted;
        return CreditorReference.Create(Digits((created * Half) + random, BodyDigits).ToUpperInvariant());
    }

    /// <summary>The payment id a valid reference names; false for a reference the platform did not make.</summary>
    public static bool TryOrderOf(string reference, out string outTradeNo)
    {
        outTradeNo = string.Empty;
        if (!CreditorReference.TryNormalize(reference, out var normalized) || normalized.Length != CreditorReference.MaxLength)
        {
            return false;
        }

        var value = Parse(normalized[4..].ToLowerInvariant());
        var created = BigInteger.DivRem(value, Half, out var random);
        if (created > MaxMillis)
        {
            return false;
        }

        outTradeNo = Prefix + Digits(MaxMillis - created, HalfDigits) + Digits(random, HalfDigits);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is one of the platform's payment ids (as a refund's instruction id is).</summary>
    public static bool IsOrderNumber(string? text) => TryParseBody(text, out _, out _);

    private static bool TryParseBody(string? outTradeNo, out BigInteger inverted, out BigInteger random)
    {
        inverted = random = BigInteger.Zero;
        if (outTradeNo is null || outTradeNo.Length != Prefix.Length + (2 * HalfDigits) || !outTradeNo.StartsWith(Prefix, StringComparison.Ordinal)
            || !outTradeNo.AsSpan(Prefix.Length).ToString().All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        inverted = Parse(outTradeNo.Substring(Prefix.Length, HalfDigits));
        random = Parse(outTradeNo[(Prefix.Length + HalfDigits)..]);
        return ((MaxMillis - inverted) * Half) + random < Limit;
    }

    private static BigInteger Parse(string digits)
    {
        var value = BigInteger.Zero;
        foreach (var c in digits)
        {
            value = (value * 36) + Alphabet.IndexOf(c, StringComparison.Ordinal);
        }

        return value;
    }

    private static string Digits(BigInteger value, int length)
    {
        var text = new char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            text[i] = Alphabet[(int)(value % 36)];
            value /= 36;
        }

        return new string(text);
    }
}
