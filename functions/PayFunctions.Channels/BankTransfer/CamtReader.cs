using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PayFunctions.Domain;

namespace PayFunctions.Channels.BankTransfer;

/// <summary>
/// Reads a bank's camt.054 (debit/credit notification) or camt.053 (statement), versions .001.02 to .001.08, into its
/// booked transactions. XML is read safely: no DTD, no external resolution, a character cap. Anything that does not
/// make sense (an unknown message, a missing amount, a currency the platform does not know) fails the whole file.
/// </summary>
internal static class CamtReader
{
    private const string NamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:";

    /// <exception cref="FormatException">The file is not a camt.053 or camt.054 this reader understands.</exception>
    public static BankReport Read(Stream file, long maxCharacters)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(file, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = maxCharacters,
                IgnoreComments = true,
            });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException("The file is not well-formed XML.", e);
        }

        var root = document.Root ?? throw new FormatException("The file is empty.");
        var ns = root.Name.Namespace.NamespaceName;
        var (kind, container, report) = ns switch
        {
            _ when IsVersion(ns, "camt.054") => ("camt.054", "BkToCstmrDbtCdtNtfctn", "Ntfctn"),
            _ when IsVersion(ns, "camt.053") => ("camt.053", "BkToCstmrStmt", "Stmt"),
            _ => throw new FormatException("The file is neither a camt.053 nor a camt.054 document."),
        };
        XNamespace x = ns;
        var body = root.Element(x + container) ?? throw new FormatException($"The document has no {container}.");
        var reports = body.Elements(x + report).ToList();
        var ibans = reports.Select(r => r.Element(x + "Acct")?.Element(x + "Id")?.Element(x + "IBAN")?.Value).Distinct().ToList();
        if (reports.Count == 0 || ibans.Count != 1 || !Iban.TryNormalize(ibans[0], out var iban))
        {
            throw new FormatException("The file must report on exactly one account, named by its IBAN.");
        }

        var entries = reports.SelectMany(r => r.Elements(x + "Ntry")).Where(e => Status(x, e) == "BOOK").SelectMany(e => Transactions(x, e)).ToList();
        return new BankReport(kind, iban, entries);
    }

    private static bool IsVersion(string ns, string message) =>
        ns.StartsWith(NamespacePrefix + message + ".001.0", StringComparison.Ordinal)
        && ns.Length == NamespacePrefix.Length + message.Length + 7
        && ns[^1] is >= '2' and <= '8';

    /// <summary>".02" writes <c>&lt;Sts&gt;BOOK&lt;/Sts&gt;</c>, ".08" <c>&lt;Sts&gt;&lt;Cd&gt;BOOK&lt;/Cd&gt;&lt;/Sts&gt;</c>.</summary>
    private static string? Status(XNamespace x, XElement entry)
    {
        var status = entry.Element(x + "Sts") ?? throw new FormatException("An entry has no status.");
        return status.Element(x + "Cd")?.Value ?? status.Value;
    }

    private static IEnumerable<BankEntry> Transactions(XNamespace x, XElement entry)
    {
        var entryReference = Text(entry.Element(x + "AcctSvcrRef")) ?? Text(entry.Element(x + "NtryRef"))
            ?? throw new FormatException("A booked entry has neither AcctSvcrRef nor NtryRef.");
        var isCredit = Text(entry.Element(x + "CdtDbtInd")) switch
        {
            "CRDT" => true,
            "DBIT" => false,
            _ => throw new FormatException($"Entry {entryReference} is neither CRDT nor DBIT."),
        };
        var entryAmount = Amount(entry.Element(x + "Amt"), entryReference);
        var booked = entry.Element(x + "BookgDt") is { } date ? Date(x, date, entryReference) : throw new FormatException($"Entry {entryReference} has no booking date.");
        var details = entry.Elements(x + "NtryDtls").SelectMany(d => d.Elements(x + "TxDtls")).ToList();
        if (details.Count <= 1)
        {
            yield return Transaction(x, details.FirstOrDefault(), entryReference, isCredit, entryAmount, booked);
            yield break;
        }

        for (var i = 0; i < details.Count; i++)
        {
            var own = Text(details[i].Element(x + "Refs")?.Element(x + "AcctSvcrRef")) ?? $"{entryReference}-{i + 1}";
            var amount = details[i].Element(x + "Amt") is { } given
                ? Amount(given, own)
                : throw new FormatException($"Transaction {own} of a batch entry has no amount.");
            yield return Transaction(x, details[i], own, isCredit, amount, booked);
        }
    }

    private static BankEntry Transaction(XNamespace x, XElement? details, string reference, bool isCredit, Money entryAmount, DateTimeOffset booked)
    {
        var refs = details?.Element(x + "Refs");
        var amount = details?.Element(x + "Amt") is { } own ? Amount(own, reference) : entryAmount;
        if (amount != entryAmount && details?.Parent?.Elements(x + "TxDtls").Count() == 1)
        {
            throw new FormatException($"Entry {reference}'s transaction amount differs from the entry's.");
        }

        var parties = details?.Element(x + "RltdPties");
        var debtor = parties?.Element(x + "Dbtr");
        var debtorName = Text(debtor?.Element(x + "Pty")?.Element(x + "Nm")) ?? Text(debtor?.Element(x + "Nm"));
        var debtorIban = Text(parties?.Element(x + "DbtrAcct")?.Element(x + "Id")?.Element(x + "IBAN"));
        var remittance = details?.Element(x + "RmtInf");
        var structured = remittance?.Elements(x + "Strd").Select(s => Text(s.Element(x + "CdtrRefInf")?.Element(x + "Ref"))).FirstOrDefault(r => r is not null);
        var quoted = structured ?? remittance?.Elements(x + "Ustrd").Select(u => FindReference(u.Value)).FirstOrDefault(r => r is not null);
        return new BankEntry(
            reference, isCredit, amount, booked,
            Text(refs?.Element(x + "EndToEndId")), Text(refs?.Element(x + "InstrId")),
            quoted, debtorName, debtorIban, details?.Element(x + "RtrInf") is not null);
    }

    /// <summary>A payer who types the reference into free text may add words around it: the first RF token with valid check digits.</summary>
    private static string? FindReference(string text)
    {
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        for (var start = compact.IndexOf("RF", StringComparison.Ordinal); start >= 0; start = compact.IndexOf("RF", start + 1, StringComparison.Ordinal))
        {
            for (var length = Math.Min(CreditorReference.MaxLength, compact.Length - start); length >= 5; length--)
            {
                if (CreditorReference.TryNormalize(compact.Substring(start, length), out var reference))
                {
                    return reference;
                }
            }
        }

        return null;
    }

    private static Money Amount(XElement? element, string reference)
    {
        if (element is null || !Currency.TryParse(element.Attribute("Ccy")?.Value, out var currency) || !IsoAmount.TryParse(element.Value, currency, out var amount) || amount.MinorUnits <= 0)
        {
            throw new FormatException($"Entry {reference} has no usable amount.");
        }

        return amount;
    }

    private static DateTimeOffset Date(XNamespace x, XElement element, string reference)
    {
        if (Text(element.Element(x + "DtTm")) is { } dateTime
            && DateTimeOffset.TryParse(dateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        return Text(element.Element(x + "Dt")) is { } day
            && DateTimeOffset.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new FormatException($"Entry {reference} has no usable booking date.");
    }

    private static string? Text(XElement? element) => element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();
}
