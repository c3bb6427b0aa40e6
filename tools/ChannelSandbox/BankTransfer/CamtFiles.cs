using System.Globalization;
using System.Text;
using System.Xml;

namespace ChannelSandbox.BankTransfer;

/// <summary>
/// The bank's side of ISO 20022 reporting: camt.054.001.08 notifications of single movements and the camt.053.001.08
/// statement of the day, written as a bank's back office writes them.
/// </summary>
public static class CamtFiles
{
    private const string Camt054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";
    private const string Camt053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

    public static byte[] Notification(string messageId, IReadOnlyList<BankMovement> movements, string accountIban, DateTimeOffset now) =>
        Write(Camt054, "BkToCstmrDbtCdtNtfctn", "Ntfctn", messageId, movements, accountIban, now, balances: null);

    public static byte[] Statement(string messageId, IReadOnlyList<BankMovement> movements, string accountIban, DateTimeOffset now)
    {
        var closing = movements.Sum(m => m.IsCredit ? m.Amount : -m.Amount);
        return Write(Camt053, "BkToCstmrStmt", "Stmt", messageId, movements, accountIban, now, balances: (0, closing));
    }

    private static byte[] Write(
        string ns, string container, string report, string messageId, IReadOnlyList<BankMovement> movements, string accountIban, DateTimeOffset now, (long Opening, long Closing)? balances)
    {
        var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Document", ns);
            xml.WriteStartElement(container);
            xml.WriteStartElement("GrpHdr");
            xml.WriteElementString("MsgId", messageId);
            xml.WriteElementString("CreDtTm", now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteStartElement(report);
            xml.WriteElementString("Id", messageId + "-1");
            xml.WriteElementString("CreDtTm", now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            xml.WriteStartElement("Acct");
            xml.WriteStartElement("Id");
            xml.WriteElementString("IBAN", accountIban);
            xml.WriteEndElement();
            xml.WriteElementString("Ccy", "EUR");
            xml.WriteEndElement();
            if (balances is { } b)
            {
                Balance(xml, "OPBD", b.Opening, now);
                Balance(xml, "CLBD", b.Closing, now);
            }

            foreach (var movement in movements)
            {
                Entry(xml, movement);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return output.ToArray();
    }

    private static void Balance(XmlWriter xml, string code, long amount, DateTimeOffset now)
    {
        xml.WriteStartElement("Bal");
        xml.WriteStartElement("Tp");
        xml.WriteStartElement("CdOrPrtry");
        xml.WriteElementString("Cd", code);
        xml.WriteEndElement();
        xml.WriteEndElement();
        Amount(xml, Math.Abs(amount), "EUR");
        xml.WriteElementString("CdtDbtInd", amount >= 0 ? "CRDT" : "DBIT");
        xml.WriteStartElement("Dt");
        xml.WriteElementString("Dt", now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Entry(XmlWriter xml, BankMovement movement)
    {
        var indicator = movement.IsCredit ? "CRDT" : "DBIT";
        xml.WriteStartElement("Ntry");
        Amount(xml, movement.Amount, movement.Currency);
        xml.WriteElementString("CdtDbtInd", indicator);
        xml.WriteStartElement("Sts");
        xml.WriteElementString("Cd", "BOOK");
        xml.WriteEndElement();
        foreach (var date in new[] { "BookgDt", "ValDt" })
        {
            xml.WriteStartElement(date);
            xml.WriteElementString("Dt", movement.BookedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }

        xml.WriteElementString("AcctSvcrRef", movement.AccountServicerRef);
        xml.WriteStartElement("BkTxCd");
        xml.WriteStartElement("Domn");
        xml.WriteElementString("Cd", "PMNT");
        xml.WriteStartElement("Fmly");
        xml.WriteElementString("Cd", movement.IsCredit ? "RCDT" : "ICDT");
        xml.WriteElementString("SubFmlyCd", movement.IsReturn ? "RRTN" : "ESCT");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("NtryDtls");
        xml.WriteStartElement("TxDtls");
        xml.WriteStartElement("Refs");
        if (movement.InstructionId is { } instruction)
        {
            xml.WriteElementString("InstrId", instruction);
        }

        xml.WriteElementString("EndToEndId", movement.EndToEndId ?? "NOTPROVIDED");
        xml.WriteEndElement();
        Amount(xml, movement.Amount, movement.Currency);
        xml.WriteElementString("CdtDbtInd", indicator);
        xml.WriteStartElement("RltdPties");
        var (party, account) = movement.IsCredit && !movement.IsReturn ? ("Dbtr", "DbtrAcct") : ("Cdtr", "CdtrAcct");
        xml.WriteStartElement(party);
        xml.WriteStartElement("Pty");
        xml.WriteElementString("Nm", movement.CounterpartyName);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement(account);
        xml.WriteStartElement("Id");
        xml.WriteElementString("IBAN", movement.CounterpartyIban);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        if (movement.Reference is not null || movement.Unstructured is not null)
        {
            xml.WriteStartElement("RmtInf");
            if (movement.Unstructured is { } text)
            {
                xml.WriteElementString("Ustrd", text);
            }
            else
            {
                xml.WriteStartElement("Strd");
                xml.WriteStartElement("CdtrRefInf");
                xml.WriteStartElement("Tp");
                xml.WriteStartElement("CdOrPrtry");
                xml.WriteElementString("Cd", "SCOR");
                xml.WriteEndElement();
                xml.WriteElementString("Issr", "ISO");
                xml.WriteEndElement();
                xml.WriteElementString("Ref", movement.Reference);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (movement.IsReturn)
        {
            xml.WriteStartElement("RtrInf");
            xml.WriteStartElement("Rsn");
            xml.WriteElementString("Cd", "AC04");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Amount(XmlWriter xml, long minor, string currency)
    {
        xml.WriteStartElement("Amt");
        xml.WriteAttributeString("Ccy", currency);
        xml.WriteString((minor / 100).ToString(CultureInfo.InvariantCulture) + "." + (minor % 100).ToString("D2", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }
}
