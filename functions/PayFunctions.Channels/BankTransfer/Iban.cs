namespace PayFunctions.Channels.BankTransfer;

/// <summary>International Bank Account Numbers (ISO 13616): country, two check digits, up to 30 letters and digits.</summary>
public static class Iban
{
    /// <summary>
    /// The IBAN in its electronic form (no spaces, capitals) when its shape and MOD 97-10 check digits are right; false
    /// for anything else. The country's own length is not checked: the check digits already catch a dropped character.
    /// </summary>
    public static bool TryNormalize(string? text, out string iban)
    {
        iban = string.Empty;
        if (text is null)
        {
            return false;
        }

        var compact = new string([.. text.Where(c => c != ' ')]).ToUpperInvariant();
        if (compact.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiLetterUpper(compact[1])
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || !compact.All(char.IsAsciiLetterOrDigit)
            || Mod97.Of(compact[4..] + compact[..4]) != 1)
        {
            return false;
        }

        iban = compact;
        return true;
    }
}
