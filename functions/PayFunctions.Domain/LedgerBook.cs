namespace PayFunctions.Domain;

/// <summary>
/// Which set of books an entry is posted to. Test-mode money moves through sandbox channel accounts only, and its
/// parties (the test-mode merchant and the receivers it created) have accounts of their own already; what it would
/// share with live money are the platform's accounts (channel clearing, the platform fee, suspense and FX), which the
/// test book keeps apart under <see cref="LedgerBooks.TestPrefix"/>, so no live balance, settlement or reconciliation
/// sees it.
/// </summary>
public enum LedgerBook
{
    /// <summary>Real money: the platform's accounts by their plain names.</summary>
    Live,

    /// <summary>Test-mode money: the platform's accounts under <see cref="LedgerBooks.TestPrefix"/>.</summary>
    Test,
}

/// <summary>Names accounts and entries in a <see cref="LedgerBook"/>.</summary>
public static class LedgerBooks
{
    /// <summary>Prefixes the platform's own accounts in the test book, e.g. "test:channel_clearing:{channel}".</summary>
    public const string TestPrefix = "test:";

    /// <summary>The book of a payment, a refund or a channel account by its mode.</summary>
    public static LedgerBook Of(bool testMode) => testMode ? LedgerBook.Test : LedgerBook.Live;

    /// <summary>The account's name in <paramref name="book"/>: a party's account keeps its name, the platform's is prefixed in the test book.</summary>
    public static string Account(this LedgerBook book, string account)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return book == LedgerBook.Live || IsPartyAccount(account) ? account : TestPrefix + account;
    }

    /// <summary>The entry with every line's account named in <paramref name="book"/>; the live book changes nothing.</summary>
    public static JournalEntry Post(this LedgerBook book, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return book == LedgerBook.Live
            ? entry
            : entry with { Lines = [.. entry.Lines.Select(l => l with { Account = book.Account(l.Account) })] };
    }

    private static bool IsPartyAccount(string account) =>
        (LedgerAccounts.TryParsePayable(account, out var owner)
            || LedgerAccounts.TryParsePayoutsInTransit(account, out owner)
            || LedgerAccounts.TryParseRiskHold(account, out owner))
        && !string.Equals(owner, SplitCalculator.PlatformFeeAccount, StringComparison.OrdinalIgnoreCase);
}
