using System.Globalization;

namespace PayFunctions.Channels;

/// <summary>
/// Builds a <see cref="ChannelPayer"/> from what a channel sent, which is untrusted input like the rest of its message: each
/// part is kept only when it has the shape of its kind (length and characters), and a bad part is dropped, never thrown
/// on, because the payment's result stands without it. No part ever keeps a card number, even one a channel put where a
/// code belongs.
/// </summary>
public static class ChannelPayers
{
    /// <summary>The longest account kept: WeChat documents openid up to 128 characters, the longest of the channels' ids.</summary>
    public const int MaxAccountLength = 128;

    /// <summary>The longest bank or funding code kept; the channels' codes (ICBC_DEBIT, visa/credit) are far shorter.</summary>
    public const int MaxBankLength = 64;

    /// <summary>The longest card fingerprint kept; the card acquirers' are 16 characters or so.</summary>
    public const int MaxFingerprintLength = 64;

    /// <summary>The longest name kept: what ISO 20022 carries for a party's name and a wallet's given name or surname alone.</summary>
    public const int MaxNameLength = 140;

    /// <summary>The payer of the parts that are well formed; null when none is.</summary>
    public static ChannelPayer? From(string? account, string? bank, string? country, string? cardFingerprint, string? name = null)
    {
        var payer = new ChannelPayer(
            Account(account),
            Code(bank, MaxBankLength, IsBankChar),
            Country(country),
            Code(cardFingerprint, MaxFingerprintLength, char.IsAsciiLetterOrDigit))
        {
            Name = Name(name),
        };
        return payer is { Account: null, Bank: null, Country: null, CardFingerprint: null, Name: null } ? null : payer;
    }

    /// <summary>
    /// An id: letters, digits, '_' and '-' (openids, wallets' user ids and open ids, payer ids, IBANs). A card
    /// number is not an account: all digits, card length, a card scheme's prefix and Luhn-valid. The prefix matters here,
    /// because some wallets' user ids are 16 digits and one in ten of them passes Luhn's check.
    /// </summary>
    private static string? Account(string? value) =>
        Shaped(value, MaxAccountLength, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') && !CardNumbers.IsCardNumber(value!) ? value : null;

    /// <summary>Two ASCII letters, upper-cased: what ISO 3166-1 alpha-2 codes are, whichever case a channel writes them in.</summary>
    private static string? Country(string? value) =>
        value is { Length: 2 } && value.All(char.IsAsciiLetter) ? value.ToUpperInvariant() : null;

    /// <summary>
    /// A code kept in the clear: within its length and characters, and without 13 digits in a row, where a card number
    /// could hide whatever its prefix: no channel's code holds such a run.
    /// </summary>
    private static string? Code(string? value, int maxLength, Func<char, bool> allowed) =>
        Shaped(value, maxLength, allowed) && !CardNumbers.HasCardLengthDigitRun(value!) ? value : null;

    /// <summary>
    /// A name, trimmed: any script, since names are written in every one, but no control or format character (a line
    /// break or a direction override would forge what a reviewer reads), and never a card number, even one spaced or
    /// hyphenated into groups the way cards print it.
    /// </summary>
    private static string? Name(string? value)
    {
        var name = value?.Trim();
        return name is { Length: > 0 and <= MaxNameLength }
            && !name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            && !CardNumbers.HasCardLengthDigitRun(string.Concat(name.Where(c => c is not (' ' or '-'))))
            ? name
            : null;
    }

    private static bool Shaped(string? value, int maxLength, Func<char, bool> allowed) =>
        value is { Length: > 0 } && value.Length <= maxLength && value.All(allowed);

    private static bool IsBankChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/';
}
