using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Routing;
using PayFunctions.Domain;
using PayFunctions.Domain.Reconciliation;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Reconciliation;

/// <summary>
/// Fetches a channel account's statement of one day and matches it, line by line as it downloads, against the
/// platform's index of that day and the day on each side; records every difference not recorded before. A statement
/// of several currencies is matched per currency. Pure matching lives in the Domain (<see cref="StatementMatcher"/>);
/// this is its I/O.
/// </summary>
public sealed class ReconcileStatementActivity(
    ChannelAccountCalls calls, ReconciliationIndex index, ReconciliationDifferenceStore differences, IOptions<ReconciliationOptions> options, TimeProvider time)
    : TaskActivity<ReconciliationRunInput, ReconciledStatement>
{
    public override Task<ReconciledStatement> RunAsync(TaskActivityContext context, ReconciliationRunInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    /// <exception cref="InvalidOperationException">The channel serves no statements.</exception>
    /// <exception cref="ChannelException">The channel refused the download or could not be reached.</exception>
    /// <exception cref="FormatException">The statement is damaged.</exception>
    public async Task<ReconciledStatement> ExecuteAsync(ReconciliationRunInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ChannelRegistry.Module(input.Channel) is not IChannelStatementFormat format)
        {
            throw new InvalidOperationException($"{input.Channel} serves no statements.");
        }

        var day = DateOnly.ParseExact(input.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var account = new ChannelAccountId(input.Channel, input.Account);
        var records = await index.ReadAsync(account, day, cancellationToken);
        var matchers = new Dictionary<Currency, StatementMatcher>();
        StatementMatcher MatcherOf(Currency currency)
        {
            if (!matchers.TryGetValue(currency, out var matcher))
            {
                var statementDay = new StatementDay(account, day, options.Value.Zone, currency, options.Value.ShiftWindow);
                matcher = new StatementMatcher(
                    statementDay, records.Payments.Where(p => p.Amount.Currency == currency), records.Refunds.Where(r => r.Amount.Currency == currency));
                matchers.Add(currency, matcher);
            }

            return matcher;
        }

        await using (var statement = await calls.CallAsync(
            input.Channel, input.Account, ChannelCallOperations.Statement, (channel, c) => channel.DownloadStatementAsync(day, c), cancellationToken))
        {
            await foreach (var line in format.ReadAsync(statement, cancellationToken))
            {
                MatcherOf(line.Amount.Currency).Add(StatementEntries.From(line));
            }
        }

        // A currency the statement never mentioned still has the platform's records to account for (短款).
        foreach (var currency in records.Payments.Select(p => p.Amount.Currency).Concat(records.Refunds.Select(r => r.Amount.Currency)).Distinct())
        {
            MatcherOf(currency);
        }

        var (lines, matched) = (0L, 0L);
        var classes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var toResolve = new List<string>();
        var now = time.GetUtcNow();
        foreach (var result in matchers.Values.Select(m => m.Complete()))
        {
            lines += result.Summary.Lines.Values.Sum(l => l.Count);
            matched += result.Summary.Matched.Count;
            foreach (var difference in result.Differences)
            {
                var code = ReconciliationCodes.Of(difference.Class);
                classes[code] = classes.GetValueOrDefault(code) + 1;
                var stored = await differences.AddAsync(ToEntity(input, day, difference, records, now), cancellationToken);
                if (stored.Status == ReconciliationStatuses.Pending)
                {
                    toResolve.Add(stored.RowKey);
                }
            }
        }

        return new ReconciledStatement(lines, matched, classes, toResolve);
    }

    private static ReconciliationDifferenceEntity ToEntity(
        ReconciliationRunInput input, DateOnly day, ReconciliationDifference difference, IndexedRecords records, DateTimeOffset now) =>
        new()
        {
            PartitionKey = ReconciliationIds.DayPartition(day),
            RowKey = difference.Id,
            Channel = input.Channel,
            Account = input.Account,
            Day = input.Day,
            Class = ReconciliationCodes.Of(difference.Class),
            Kind = ReconciliationCodes.Of(difference.Kind),
            Reference = difference.Reference,
            Occurrence = difference.Occurrence,
            Proposed = difference.Resolution.ToString(),
            MerchantId = records.Merchants.GetValueOrDefault(difference.Payment?.Id ?? difference.Refund?.Id ?? difference.Reference),
            StatementJson = difference.Statement is { } line
                ? JsonSerializer.Serialize(
                    new StatementFacts(line.ChannelReference, line.Amount.MinorUnits, line.Fee.MinorUnits, line.Amount.Currency.Code.ToLowerInvariant(), line.BookedAt),
                    ApiJson.Options)
                : null,
            PlatformJson = difference.Payment is { } payment
                ? JsonSerializer.Serialize(
                    new PlatformFacts(payment.Id, null, payment.Amount.MinorUnits, payment.Amount.Currency.Code.ToLowerInvariant(), payment.Status.ToString().ToLowerInvariant(), payment.BookedAt, payment.ExpectedFee?.MinorUnits),
                    ApiJson.Options)
                : difference.Refund is { } refund
                    ? JsonSerializer.Serialize(
                        new PlatformFacts(refund.Id, refund.PaymentId, refund.Amount.MinorUnits, refund.Amount.Currency.Code.ToLowerInvariant(), refund.Status.ToString().ToLowerInvariant(), refund.BookedAt, null),
                        ApiJson.Options)
                    : null,
            EarlierChannelReference = difference.EarlierChannelReference,
            Status = ReconciliationStatuses.Pending,
            FoundAt = now,
        };
}

/// <summary>A statement line's facts, as a difference shows them.</summary>
public sealed record StatementFacts(string ChannelReference, long Amount, long Fee, string Currency, DateTimeOffset BookedAt);

/// <summary>The platform record's facts, as a difference shows them.</summary>
/// <param name="Payment">For a refund, the payment it refunds.</param>
public sealed record PlatformFacts(string Id, string? Payment, long Amount, string Currency, string Status, DateTimeOffset? BookedAt, long? ExpectedFee);
