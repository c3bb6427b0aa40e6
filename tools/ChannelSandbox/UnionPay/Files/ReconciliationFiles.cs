using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.UnionPay.Files;

/// <summary>
/// A settlement date's reconciliation file, built from what the sandbox processed: every consume that succeeded, every
/// void, and every refund UnionPay accepted, on that day of China time, then the differences injected for it; packed as
/// the file transfer delivers it (the ZM entry <c>INN{yyMMdd}88ZM_{merId}</c> in a ZIP, zlib-compressed).
/// </summary>
public sealed class ReconciliationFiles(UnionPayStore store, FileDiscrepancies discrepancies, IOptions<UnionPayIdentity> identity)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), ChinaOffset);

    /// <summary>The file's lines in booking order.</summary>
    public IReadOnlyList<ZmLine> Lines(DateOnly day)
    {
        var lines = Processed(day).ToList();
        var previous = day.AddDays(-1);
        foreach (var shifted in discrepancies.Of(previous).Where(discrepancy => discrepancy.Kind == FileDiscrepancyKind.DateShift))
        {
            if (Processed(previous).FirstOrDefault(line => line.OrderId == shifted.OrderId) is { } line)
            {
                lines.Add(line with { BookedAt = StartOf(day) });
            }
        }

        foreach (var discrepancy in discrepancies.Of(day))
        {
            Apply(lines, discrepancy);
        }

        return [.. lines.OrderBy(line => line.BookedAt)];
    }

    /// <summary>What the sandbox processed on <paramref name="day"/>, before any injected difference.</summary>
    public IEnumerable<ZmLine> Processed(DateOnly day)
    {
        foreach (var transaction in store.All())
        {
            ZmLine? line;
            lock (transaction.Gate)
            {
                line = LineOf(transaction);
            }

            if (line is not null && DayOf(line.BookedAt) == day)
            {
                yield return line;
            }
        }
    }

    /// <summary>The ZIP, zlib-compressed, as <c>fileContent</c> carries it before Base64.</summary>
    public byte[] Compressed(DateOnly day)
    {
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(EntryName(day)).Open();
            foreach (var line in Lines(day))
            {
                entry.Write(Encoding.ASCII.GetBytes(line.Format() + "\r\n"));
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(zipped.ToArray());
        }

        return compressed.ToArray();
    }

    public string EntryName(DateOnly day) => "INN" + day.ToString("yyMMdd", CultureInfo.InvariantCulture) + "88ZM_" + identity.Value.MerId;

    private ZmLine? LineOf(UnionPayTransaction transaction)
    {
        var merId = identity.Value.MerId;
        return transaction.TxnType switch
        {
            "01" when transaction.State == TransactionState.Succeeded && transaction.CompletedAt is { } paidAt => new ZmLine(
                "01", paidAt, transaction.Amount, transaction.QueryId, transaction.OrderId, ZmLine.FeeOf(transaction.Amount), merId, null),
            "04" or "31" when transaction.State != TransactionState.Failed => new ZmLine(
                transaction.TxnType,
                transaction.CreatedAt,
                transaction.Amount,
                transaction.QueryId,
                transaction.OrderId,
                -ZmLine.FeeOf(transaction.Amount),
                merId,
                transaction.Original?.QueryId),
            _ => null,
        };
    }

    private void Apply(List<ZmLine> lines, FileDiscrepancy discrepancy)
    {
        if (discrepancy.Kind == FileDiscrepancyKind.Unknown)
        {
            var amount = discrepancy.Amount ?? 0;
            lines.Add(new ZmLine(
                "01", StartOf(discrepancy.Day).AddHours(12), amount, discrepancy.QueryId ?? string.Empty, discrepancy.OrderId, ZmLine.FeeOf(amount), identity.Value.MerId, null));
            return;
        }

        var at = lines.FindIndex(line => line.OrderId == discrepancy.OrderId);
        if (at < 0)
        {
            return;
        }

        var line = lines[at];
        switch (discrepancy.Kind)
        {
            case FileDiscrepancyKind.Missing or FileDiscrepancyKind.DateShift:
                lines.RemoveAll(other => other.OrderId == discrepancy.OrderId);
                break;
            case FileDiscrepancyKind.Amount:
                lines[at] = line with { Amount = discrepancy.Amount ?? line.Amount };
                break;
            case FileDiscrepancyKind.Status:
                lines[at] = line with { TxnType = "31" };
                break;
            case FileDiscrepancyKind.Fee:
                lines[at] = line with { Fee = discrepancy.Fee ?? line.Fee };
                break;
            case FileDiscrepancyKind.Duplicate:
                lines.Insert(at + 1, line);
                break;
        }
    }
}
