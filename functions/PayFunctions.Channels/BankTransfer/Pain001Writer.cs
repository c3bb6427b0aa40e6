using System.Globalization;
using System.Text;
using System.Xml;
using PayFunctions.Domain;

namespace PayFunctions.Channels.BankTransfer;

/// <summary>One outgoing credit transfer: a refund to the payer's account.</summary>
/// <param name="RefundId">The platform's refund number: the message, payment information and end-to-end id, so the bank's debit entry names it.</param>
/// <param name="PaymentId">The paid order: the instruction id, echoed in the bank's report.</param>
/// <param name="Amount">What to send.</param>
/// <param name="CreditorName">The payer, now the creditor.</param>
/// <param name="CreditorIban">The payer's account.</param>
/// <param name="Remittance">What the payer reads on their statement.</param>
internal sealed record OutgoingTransfer(string RefundId, string PaymentId, Money Amount, string CreditorName, string CreditorIban, string Remittance);

/// <summary>
/// Writes an ISO 20022 pain.001.001.09 customer credit transfer initiation of one SEPA transfer (service level SEPA,
/// charges SLEV) from the platform's account. Text fields are cut to their schema lengths.
/// </summary>
internal static class Pain001Writer
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    public static byte[] Write(OutgoingTransfer transfer, BankTransferAccount debtor, DateTimeOffset createdAt)
    {
        var amount = IsoAmount.Format(transfer.Amount);
        var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Document", Namespace);
            xml.WriteStartElement("CstmrCdtTrfInitn");
            xml.WriteStartElement("GrpHdr");
            xml.WriteElementString("MsgId", transfer.RefundId);
            xml.WriteElementString("CreDtTm", createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            xml.WriteElementString("NbOfTxs", "1");
            xml.WriteElementString("CtrlSum", amount);
            xml.WriteStartElement("InitgPty");
            xml.WriteElementString("Nm", Cut(debtor.HolderName, 140));
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("PmtInf");
            xml.WriteElementString("PmtInfId", transfer.RefundId);
            xml.WriteElementString("PmtMtd", "TRF");
            xml.WriteElementString("NbOfTxs", "1");
            xml.WriteElementString("CtrlSum", amount);
            xml.WriteStartElement("PmtTpInf");
            xml.WriteStartElement("SvcLvl");
            xml.WriteElementString("Cd", "SEPA");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("ReqdExctnDt");
            xml.WriteElementString("Dt", createdAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            Party(xml, "Dbtr", debtor.HolderName);
            Account(xml, "DbtrAcct", debtor.Iban);
            xml.WriteStartElement("DbtrAgt");
            xml.WriteStartElement("FinInstnId");
            if (debtor.Bic is { } bic)
            {
                xml.WriteElementString("BICFI", bic);
            }
            else
            {
                xml.WriteStartElement("Othr");
                xml.WriteElementString("Id", "NOTPROVIDED");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteElementString("ChrgBr", "SLEV");

            xml.WriteStartElement("CdtTrfTxInf");
            xml.WriteStartElement("PmtId");
            xml.WriteElementString("InstrId", transfer.PaymentId);
            xml.WriteElementString("EndToEndId", transfer.RefundId);
            xml.WriteEndElement();
            xml.WriteStartElement("Amt");
            xml.WriteStartElement("InstdAmt");
            xml.WriteAttributeString("Ccy", transfer.Amount.Currency.Code);
            xml.WriteString(amount);
            xml.WriteEndElement();
            xml.WriteEndElement();
            Party(xml, "Cdtr", transfer.CreditorName);
            Account(xml, "CdtrAcct", transfer.CreditorIban);
            xml.WriteStartElement("RmtInf");
            xml.WriteElementString("Ustrd", Cut(transfer.Remittance, 140));
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return output.ToArray();
    }

    private static void Party(XmlWriter xml, string element, string name)
    {
        xml.WriteStartElement(element);
        xml.WriteElementString("Nm", Cut(name, 70));
        xml.WriteEndElement();
    }

    private static void Account(XmlWriter xml, string element, string iban)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("Id");
        xml.WriteElementString("IBAN", iban);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}
