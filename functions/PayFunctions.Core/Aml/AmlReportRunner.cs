using System.Text.Json;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Fx;
using PayFunctions.Core.Http;
using PayFunctions.Domain;
using PayFunctions.Domain.Aml;

namespace PayFunctions.Core.Aml;

/// <summary>
/// Reports one day, live money and test mode apart: reads the day's succeeded payments from the index and their
/// receivers' payouts, runs the detectors, writes the large-value file, opens a case for each suspicious detection not
/// opened before, and writes the suspicious file from the day's cases. Every step is idempotent, so the run is one pass
/// that can always be run again: a re-run from the same facts writes the same files and opens nothing twice.
/// </summary>
public sealed class AmlReportRunner(
    AmlIndex index,
    AccountStore accounts,
    AmlPayouts payouts,
    AmlCaseStore cases,
    AmlReportFiles files,
    AmlRunStore runs,
    FxRatesStore rates,
    AuditLog audit,
    IOptions<AmlOptions> options,
    TimeProvider time)
{
    public async Task<AmlRunEntity> RunAsync(DateOnly day, string actor, CancellationToken cancellationToken)
    {
        // The newest reference rates place foreign currency against the dollar figures; without any, foreign payments are listed as unmeasured.
        var measure = new AmlMeasure((await rates.NewestAsync(cancellationToken))?.Rates);
        var summary = new Dictionary<string, AmlModeSummary>(StringComparer.Ordinal)
        {
            ["live"] = await RunModeAsync(day, livemode: true, measure, cancellationToken),
            ["test"] = await RunModeAsync(day, livemode: false, measure, cancellationToken),
        };
        var run = new AmlRunEntity
        {
            Day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            RanAt = time.GetUtcNow(),
            RanBy = actor,
            SummaryJson = JsonSerializer.Serialize(summary, ApiJson.Options),
        };
        await runs.WriteAsync(run, day, cancellationToken);
        return run;
    }

    private async Task<AmlModeSummary> RunModeAsync(DateOnly day, bool livemode, AmlMeasure measure, CancellationToken cancellationToken)
    {
        var rules = options.Value.Rules;
        var transactions = await TransactionsAsync(await index.ReadAsync(day, livemode, cancellationToken), cancellationToken);
        var from = options.Value.StartOf(day);
        var paidOut = await payouts.ReadAsync(
            transactions.SelectMany(t => t.Receivers).Select(r => r.AccountId), from, options.Value.StartOf(day.AddDays(1)) + rules.RapidWindow, cancellationToken);
        var findings = AmlMonitor.Run(day, transactions, paidOut, rules, measure);
        await files.WriteLargeValueAsync(day, livemode, transactions.Count, findings, cancellationToken);

        var opened = 0;
        foreach (var detection in findings.Suspicious)
        {
            var (amlCase, added) = await cases.AddAsync(FromDetection(detection, day, livemode), cancellationToken);
            if (added)
            {
                opened++;
                await audit.AppendAsync(new AuditEvent(
                    AuditEventTypes.AmlCaseOpened,
                    AuditActors.System,
                    AmlIds.Case(day, amlCase.RowKey),
                    new Dictionary<string, object?> { ["pattern"] = amlCase.Pattern, ["party_kind"] = amlCase.PartyKind, ["livemode"] = livemode }));
            }
        }

        var statuses = await files.WriteSuspiciousAsync(day, livemode, cancellationToken);
        return new AmlModeSummary(
            transactions.Count,
            paidOut.Count,
            findings.LargeValues.Count,
            findings.Suspicious.Count,
            opened,
            statuses,
            findings.Unmeasured.Count,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["large_value"] = AmlReportFiles.NameOf(day, livemode, AmlReportFiles.LargeValueFile),
                ["suspicious"] = AmlReportFiles.NameOf(day, livemode, AmlReportFiles.SuspiciousFile),
            });
    }

    /// <summary>The indexed payments with each receiver's kind: the merchant is a non-natural person; a connected account is an individual's or a company's.</summary>
    private async Task<IReadOnlyList<AmlTransaction>> TransactionsAsync(IReadOnlyList<IndexedPayment> indexed, CancellationToken cancellationToken)
    {
        var natural = new Dictionary<(string Merchant, string Account), bool>();
        var transactions = new List<AmlTransaction>(indexed.Count);
        foreach (var p in indexed)
        {
            var receivers = new List<AmlReceiver>(p.Receivers.Count);
            foreach (var r in p.Receivers)
            {
                var isMerchant = r.Account == p.MerchantId;
                if (!isMerchant && !natural.ContainsKey((p.MerchantId, r.Account)))
                {
                    natural[(p.MerchantId, r.Account)] = (await accounts.GetAsync(p.MerchantId, r.Account, cancellationToken))?.Type == AccountEntity.Individual;
                }

                receivers.Add(new AmlReceiver(r.Account, new Money(r.Amount, Currency.Parse(r.Currency)), !isMerchant && natural[(p.MerchantId, r.Account)], isMerchant));
            }

            transactions.Add(new AmlTransaction(p.Id, p.At, p.MerchantId, p.Payer, p.Amount, p.Method, p.CrossBorder, receivers));
        }

        return transactions;
    }

    private AmlCaseEntity FromDetection(AmlDetection detection, DateOnly day, bool livemode) => new()
    {
        PartitionKey = AmlIds.DayPartition(day),
        RowKey = detection.Id,
        Day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Livemode = livemode,
        Status = AmlCaseStatuses.Open,
        Pattern = AmlPatterns.Code(detection.Pattern),
        PartyKind = detection.Party.KindCode,
        PartyId = detection.Party.Id,
        Amount = detection.Amount.MinorUnits,
        Currency = detection.Amount.Currency.Code,
        TransactionsJson = JsonSerializer.Serialize(detection.Transactions.Take(AmlCaseStore.MaxTransactions)),
        TransactionCount = detection.Transactions.Count,
        Reason = detection.Reason,
        OpenedAt = time.GetUtcNow(),
        OpenedBy = AuditActors.System,
    };
}
