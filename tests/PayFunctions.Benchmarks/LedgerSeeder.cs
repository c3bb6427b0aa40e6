using System.Diagnostics;
using Azure.Data.Tables;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Benchmarks;

/// <summary>
/// Writes captures straight into the journal, the per-account projection and the due index, in the layout
/// LedgerStore writes them, but in bulk: journal rows one by one (each entry is its own partition), projection
/// rows in batch transactions of up to 100 per account partition.
/// </summary>
public static class LedgerSeeder
{
    public static string Merchant(int index) => "mch_bench_" + index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<TimeSpan> SeedAsync(StorageClients storage, int merchants, int entriesPerMerchant, DateTimeOffset now)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(42);
        var entries = new List<JournalEntry>(merchants * entriesPerMerchant);
        for (var m = 0; m < merchants; m++)
        {
            for (var e = 0; e < entriesPerMerchant; e++)
            {
                var gross = new Money(random.Next(100, 100_000), Currency.Cny);
                var postedAt = now.AddMinutes(-random.Next(1, 30 * 24 * 60));
                var id = $"je_bench_{m}_{e}";
                entries.Add(Postings.PaymentCaptured(
                    id, "pay_" + id, "wechat_pay", gross, SplitCalculator.Allocate(gross, new FeeSchedule(60, 0), Merchant(m), null), postedAt));
            }
        }

        var journal = storage.Tables.GetTableClient(TableNames.Ledger);
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (entry, ct) =>
            await journal.AddEntityAsync(LedgerRows.Journal(entry), ct));
        Console.WriteLine($"  journal: {entries.Count} rows in {clock.Elapsed.TotalSeconds:F0} s");

        var accounts = storage.Tables.GetTableClient(TableNames.LedgerAccounts);
        var batches = entries.SelectMany(LedgerProjection.Project)
            .Select(LedgerRows.Account)
            .GroupBy(row => row.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(100))
            .ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
            await accounts.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), ct));
        Console.WriteLine($"  projection: {batches.Sum(b => b.Length)} rows in {batches.Count} batches, {clock.Elapsed.TotalSeconds:F0} s so far");

        var due = new SettlementDueIndex(storage);
        var payees = Enumerable.Range(0, merchants).Select(Merchant).Append(SplitCalculator.PlatformFeeAccount);
        await Parallel.ForEachAsync(payees, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (payee, ct) =>
            await due.MarkDueAsync(payee, Currency.Cny, ct));
        return clock.Elapsed;
    }
}
