using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Ledger;

/// <summary>
/// How the journal and its per-account projection are laid out in Tables. The journal has one row per entry
/// (partition = entry id). The projection has one row per account, entry and currency, partitioned by the
/// account, with row keys in posting-time order, so one account's lines are one partition query.
/// </summary>
public static class LedgerRows
{
    public static TableEntity Journal(JournalEntry entry) =>
        new(entry.Id, "entry")
        {
            ["Kind"] = entry.Kind,
            ["Reference"] = entry.Reference,
            ["PostedAt"] = entry.PostedAt,
            ["Lines"] = JsonSerializer.Serialize(entry.Lines.Select(l => new StoredLine(l.Account, l.Side, l.Amount.MinorUnits, l.Amount.Currency.Code))),
        };

    public static JournalEntry ToEntry(TableEntity row)
    {
        var lines = JsonSerializer.Deserialize<StoredLine[]>(row.GetString("Lines")) ?? [];
        return JournalEntry.Create(
            row.PartitionKey,
            row.GetString("Kind"),
            row.GetString("Reference"),
            row.GetDateTimeOffset("PostedAt") ?? DateTimeOffset.MinValue,
            [.. lines.Select(l => new LedgerLine(l.Account, l.Side, new Money(l.Amount, Currency.Parse(l.Currency))))]);
    }

    public static string AccountPartition(string account) => TableKeys.Escape(account);

    public static TableEntity Account(AccountLine line) =>
        new(AccountPartition(line.Account), AccountRowKey(line))
        {
            ["Account"] = line.Account,
            ["EntryId"] = line.EntryId,
            ["Kind"] = line.Kind,
            ["Reference"] = line.Reference,
            ["PostedAt"] = line.PostedAt,
            ["Currency"] = line.Currency.Code,
            ["Credits"] = line.Credits,
            ["Debits"] = line.Debits,
        };

    public static AccountLine ToAccountLine(TableEntity row) =>
        new(
            row.GetString("Account"),
            row.GetString("EntryId"),
            row.GetString("Kind"),
            row.GetString("Reference"),
            row.GetDateTimeOffset("PostedAt") ?? DateTimeOffset.MinValue,
            Currency.Parse(row.GetString("Currency")),
            row.GetInt64("Credits") ?? 0,
            row.GetInt64("Debits") ?? 0);

    /// <summary>Posting time first (UTC ticks, fixed width) so a partition reads in posting order; entry and currency make it unique.</summary>
    public static string AccountRowKey(AccountLine line) =>
        line.PostedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "_" + TableKeys.Escape(line.EntryId) + "_" + line.Currency.Code;

    private sealed record StoredLine(string Account, EntrySide Side, long Amount, string Currency);
}
