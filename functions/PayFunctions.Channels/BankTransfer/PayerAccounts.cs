using System.Buffers.Text;
using System.Text;

namespace PayFunctions.Channels.BankTransfer;

/// <summary>
/// The channel trade number of a credit: the bank's reference of it, the payer's IBAN and name. The platform keeps the
/// trade number with the payment and hands it back with every refund, and a bank refund is a transfer to that account,
/// so nothing else has to be stored. The name is base64url (it may hold any character), the parts joined by '~', so
/// the number is safe as a storage key.
/// </summary>
internal static class PayerAccounts
{
    private const char Separator = '~';

    /// <summary>Names are cut to 70 characters, what a SEPA credit transfer carries.</summary>
    private const int MaxName = 70;

    public static string TradeNo(string reference, string iban, string name)
    {
        var shortName = name.Length > MaxName ? name[..MaxName] : name;
        return string.Join(Separator, reference, iban, Base64Url.EncodeToString(Encoding.UTF8.GetBytes(shortName)));
    }

    /// <summary>The payer's account from a trade number this channel made; false for any other.</summary>
    public static bool TryParse(string? tradeNo, out string iban, out string name)
    {
        iban = name = string.Empty;
        var parts = tradeNo?.Split(Separator);
        if (parts is not { Length: 3 } || !Iban.TryNormalize(parts[1], out iban))
        {
            return false;
        }

        try
        {
            name = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[2]));
            return name.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
