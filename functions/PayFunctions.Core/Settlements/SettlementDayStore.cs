using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Settlements;

/// <summary>
/// The record of settled days, so the daily run catches up every day it missed: one row per day it scheduled or
/// anyone ran, and a cursor holding the last day the daily run scheduled. A small table, read whole.
/// </summary>
public sealed class SettlementDayStore(StorageClients clients)
{
    private const string DayPartition = "day";
    private const string CursorPartition = "cursor";
    private const string CursorRow = "daily";
    private const string DateFormat = "yyyy-MM-dd";

    private TableClient Table => clients.Tables.GetTableClient(TableNames.SettlementDays);

    /// <summary>
    /// The days the daily run must settle, oldest first: every recorded day up to <paramref name="latest"/> that did
    /// not complete, and every day after the cursor up to <paramref name="latest"/>. On the very first run, just
    /// <paramref name="latest"/>.
    /// </summary>
    public async Task<IReadOnlyList<DateOnly>> DaysToRunAsync(DateOnly latest, CancellationToken cancellationToken)
    {
        var days = new SortedSet<DateOnly>();
        await foreach (var row in Table.QueryAsync<SettlementDayEntity>(r => r.PartitionKey == DayPartition, cancellationToken: cancellationToken))
        {
            var day = Parse(row.RowKey);
            if (day <= latest && row.Status != SettlementDayStatus.Completed)
            {
                days.Add(day);
            }
        }

        var cursor = await ReadCursorAsync(cancellationToken);
        for (var day = cursor is { } last ? last.AddDays(1) : latest; day <= latest; day = day.AddDays(1))
        {
            days.Add(day);
        }

        return [.. days];
    }

    /// <summary>Records <paramref name="days"/> as scheduled (keeping any outcome already recorded), then moves the cursor to <paramref name="latest"/>.</summary>
    public async Task ScheduleAsync(IReadOnlyList<DateOnly> days, DateOnly latest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (var day in days)
        {
            try
            {
                await Table.AddEntityAsync(
                    new SettlementDayEntity { PartitionKey = DayPartition, RowKey = Format(day), Status = SettlementDayStatus.Scheduled, UpdatedAt = now },
                    cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // The day already has a row: scheduled earlier, or run by hand; its status stays until this run ends.
            }
        }

        if (await ReadCursorAsync(cancellationToken) is not { } cursor || cursor < latest)
        {
            await Table.UpsertEntityAsync(
                new TableEntity(CursorPartition, CursorRow) { ["LastDate"] = Format(latest), ["UpdatedAt"] = now },
                TableUpdateMode.Replace,
                cancellationToken);
        }
    }

    /// <summary>Records how a run of the day ended (row key = yyyy-MM-dd). A completed day stays completed: a later run that failed somewhere un-settles nothing.</summary>
    public async Task CompleteAsync(SettlementDayEntity outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if ((await GetAsync(Parse(outcome.RowKey), cancellationToken))?.Status == SettlementDayStatus.Completed)
        {
            return;
        }

        outcome.PartitionKey = DayPartition;
        await Table.UpsertEntityAsync(
            outcome,
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<SettlementDayEntity?> GetAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<SettlementDayEntity>(DayPartition, Format(day), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private async Task<DateOnly?> ReadCursorAsync(CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(CursorPartition, CursorRow, cancellationToken: cancellationToken);
        return row.HasValue ? Parse(row.Value!.GetString("LastDate")) : null;
    }

    private static string Format(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly Parse(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);
}
