namespace PayFunctions.Channels.BankTransfer;

/// <summary>ISO 7064 MOD 97-10 over letters and digits, letters counting A = 10 … Z = 35 (IBAN and ISO 11649).</summary>
internal static class Mod97
{
    /// <summary>The remainder of the number the text spells, computed digit by digit so any length fits.</summary>
    public static int Of(string text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : char.ToUpperInvariant(c) - 'A' + 10;
            remainder = value < 10 ? ((remainder * 10) + value) % 97 : ((remainder * 100) + value) % 97;
        }

        return remainder;
    }
}
