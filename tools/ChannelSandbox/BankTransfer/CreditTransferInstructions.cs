using System.Globalization;
using System.Numerics;
using System.Xml;
using System.Xml.Linq;

namespace ChannelSandbox.BankTransfer;

/// <summary>One transfer of a pain.001 file, as the bank executes it.</summary>
public sealed record CreditTransfer(string MessageId, string InstructionId, string EndToEndId, long Amount, string Currency, string CreditorName, string CreditorIban);

/// <summary>
/// The bank's intake of pain.001.001.09 credit transfer initiations: it refuses a file whose debtor account is not the
/// customer's, whose control sum or count disagrees with its transfers, or whose creditor IBAN fails its check digits,
/// as a bank's file validation does before anything is executed.
/// </summary>
public static class CreditTransferInstructions
{
    private const string Pain001 = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    /// <exception cref="FormatException">The file would be rejected by the bank.</exception>
    public static IReadOnlyList<CreditTransfer> Read(byte[] file, string accountIban)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(file), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException("not well-formed", e);
        }

        XNamespace x = Pain001;
        var root = document.Root?.Name == x + "Document" ? document.Root.Element(x + "CstmrCdtTrfInitn") : null;
        var header = root?.Element(x + "GrpHdr") ?? throw new FormatException("not a pain.001.001.09 initiation");
        var messageId = Required(header, x + "MsgId");
        var transfers = new List<CreditTransfer>();
        foreach (var batch in root!.Elements(x + "PmtInf"))
        {
            var debtorIban = batch.Element(x + "DbtrAcct")?.Element(x + "Id")?.Element(x + "IBAN")?.Value;
            if (debtorIban != accountIban)
            {
                throw new FormatException("the debtor account is not the customer's");
            }

            foreach (var transfer in batch.Elements(x + "CdtTrfTxInf"))
            {
                var amount = transfer.Element(x + "Amt")?.Element(x + "InstdAmt") ?? throw new FormatException("a transfer has no amount");
                var creditorIban = transfer.Element(x + "CdtrAcct")?.Element(x + "Id")?.Element(x + "IBAN")?.Value ?? throw new FormatException("a transfer has no creditor IBAN");
                if (!IbanCheckDigitsHold(creditorIban))
                {
                    throw new FormatException("a creditor IBAN fails its check digits");
                }

                transfers.Add(new CreditTransfer(
                    messageId,
                    Required(transfer.Element(x + "PmtId")!, x + "InstrId"),
                    Required(transfer.Element(x + "PmtId")!, x + "EndToEndId"),
                    Cents(amount.Value),
                    amount.Attribute("Ccy")?.Value ?? throw new FormatException("an amount has no currency"),
                    Required(transfer.Element(x + "Cdtr")!, x + "Nm"),
                    creditorIban));
            }
        }

        if (transfers.Count == 0 || Required(header, x + "NbOfTxs") != transfers.Count.ToString(CultureInfo.InvariantCulture)
            || Cents(Required(header, x + "CtrlSum")) != transfers.Sum(t => t.Amount))
        {
            throw new FormatException("NbOfTxs or CtrlSum disagrees with the transfers");
        }

        return transfers;
    }

    private static string Required(XElement parent, XName name) =>
        parent.Element(name)?.Value is { Length: > 0 } value ? value : throw new FormatException($"{name.LocalName} is missing");

    private static long Cents(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 2 || parts[1].Length != 2 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            throw new FormatException($"'{text}' is not an amount with two decimals");
        }

        return (long.Parse(parts[0], CultureInfo.InvariantCulture) * 100) + long.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    private static bool IbanCheckDigitsHold(string iban)
    {
        if (iban.Length < 15 || !iban.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        var digits = string.Concat((iban[4..] + iban[..4]).Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97 == 1;
    }
}
