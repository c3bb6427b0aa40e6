namespace PayFunctions.Channels;

/// <summary>
/// How a card number looks (ISO/IEC 7812): 13 to 19 digits whose last is Luhn's check digit, under a card scheme's prefix.
/// The platform never keeps one, so what a channel reports of a payer is checked against both tests.
/// </summary>
internal static class CardNumbers
{
    private const int MinLength = 13;
    private const int MaxLength = 19;

    /// <summary>All digits, card length, a card scheme's prefix and Luhn-valid.</summary>
    public static bool IsCardNumber(string value) =>
        value.Length is >= MinLength and <= MaxLength && value.All(char.IsAsciiDigit) && HasCardPrefix(value) && IsLuhnValid(value);

    /// <summary>
    /// Whether <paramref name="value"/> holds 13 or more digits in a row: where a card number could hide. Almost every such
    /// run has a stretch that passes Luhn's check, so the run itself is the test.
    /// </summary>
    public static bool HasCardLengthDigitRun(string value)
    {
        var run = 0;
        foreach (var c in value)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= MinLength)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Luhn's check: from the right, every second digit doubled (less 9 above 9), the sum a multiple of 10.</summary>
    private static bool IsLuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// The issuer ranges of the card schemes: Visa, Mastercard, Amex, Discover, JCB, China's domestic scheme (62), Diners, Maestro.
    /// </summary>
    private static bool HasCardPrefix(string digits)
    {
        int Prefix(int length) => int.Parse(digits.AsSpan(0, length), System.Globalization.CultureInfo.InvariantCulture);
        var length = digits.Length;
        return (digits[0] == '4' && length is 13 or 16 or 19)
            || (Prefix(2) is >= 51 and <= 55 && length == 16)
            || (Prefix(4) is >= 2221 and <= 2720 && length == 16)
            || (Prefix(2) is 34 or 37 && length == 15)
            || ((Prefix(4) == 6011 || Prefix(2) == 65 || Prefix(3) is >= 644 and <= 649) && length is >= 16 and <= 19)
            || (Prefix(4) is >= 3528 and <= 3589 && length is >= 16 and <= 19)
            || (Prefix(2) == 62 && length is >= 16 and <= 19)
            || ((Prefix(3) is >= 300 and <= 305 || Prefix(2) is 36 or 38) && length is >= 14 and <= 19)
            || (Prefix(4) is 5018 or 5020 or 5038 or 5893 or 6304 or 6759 or 6761 or 6762 or 6763 && length is >= 13 and <= 19);
    }
}
