namespace PayFunctions.Channels.BankTransfer;

/// <summary>
/// ISO 11649 Structured Creditor References ("RF" + two check digits + at most 21 letters and digits): the check digits
/// are those of ISO 7064 MOD 97-10, as in an IBAN, so a mistyped reference is caught instead of matching another payment.
/// </summary>
public static class CreditorReference
{
    /// <summary>The longest reference: "RF", two check digits and 21 characters.</summary>
    public const int MaxLength = 25;

    /// <summary>"RF" + check digits for <paramref name="body"/> (1–21 letters and digits, case-insensitive) + the body in capitals.</summary>
    /// <exception cref="ArgumentException">The body is empty, too long or not alphanumeric.</exception>
    public static string Create(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length is 0 or > MaxLength - 4 || !body.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("A creditor reference's body is 1 to 21 letters and digits.", nameof(body));
        }

        var upper = body.ToUpperInvariant();
        var check = 98 - Mod97.Of(upper + "RF00");
        return $"RF{check:00}{upper}";
    }

    /// <summary>
    /// The reference in its electronic form (spaces removed, capitals) when it is a valid ISO 11649 reference; false for
    /// anything else, including a reference whose check digits do not agree.
    /// </summary>
    public static bool TryNormalize(string? text, out string reference)
    {
        reference = string.Empty;
        if (text is null)
        {
            return false;
        }

        var compact = new string([.. text.Where(c => c != ' ')]).ToUpperInvariant();
        if (compact.Length is < 5 or > MaxLength || !compact.StartsWith("RF", StringComparison.Ordinal)
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || !compact.All(char.IsAsciiLetterOrDigit)
            || Mod97.Of(compact[4..] + compact[..4]) != 1)
        {
            return false;
        }

        reference = compact;
        return true;
    }

    /// <summary>The paper form: groups of four characters separated by spaces, as payers type it.</summary>
    public static string Grouped(string reference) =>
        string.Join(' ', Enumerable.Range(0, (reference.Length + 3) / 4).Select(i => reference.Substring(i * 4, Math.Min(4, reference.Length - (i * 4)))));
}
