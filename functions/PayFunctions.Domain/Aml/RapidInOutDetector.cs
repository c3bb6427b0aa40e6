namespace PayFunctions.Domain.Aml;

/// <summary>
/// Rapid in-and-out (快进快出): a receiver credited at least <see cref="AmlRules.RapidMinimum"/> in one currency on the day,
/// and paid out, from its first credit to <see cref="AmlRules.RapidWindow"/> after its last, all but at most
/// <see cref="AmlRules.RapidMaxRetainedBasisPoints"/> of it. Payouts in another currency, or outside that span, do not count.
/// </summary>
public static class RapidInOutDetector
{
    /// <summary>The day's detections of this pattern, sorted.</summary>
    public static IReadOnlyList<AmlDetection> Detect(
        DateOnly day, IReadOnlyList<AmlTransaction> transactions, IReadOnlyList<AmlPayout> payouts, AmlRules rules, AmlMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(payouts);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(measure);
        var credits = new Dictionary<(AmlParty Party, Currency Currency), (long Sum, DateTimeOffset First, DateTimeOffset Last, List<string> Ids)>();
        foreach (var t in transactions)
        {
            foreach (var r in t.Receivers)
            {
                var key = (AmlParty.OfReceiver(r), r.Share.Currency);
                var (sum, first, last, ids) = credits.TryGetValue(key, out var c) ? c : (0L, t.At, t.At, new List<string>());
                ids.Add(t.Id);
                credits[key] = (checked(sum + r.Share.MinorUnits), t.At < first ? t.At : first, t.At > last ? t.At : last, ids);
            }
        }

        var paidOut = payouts.ToLookup(p => (p.AccountId, p.Amount.Currency));
        var found = new List<AmlDetection>();
        foreach (var ((party, currency), (sum, first, last, ids)) in credits)
        {
            var credited = new Money(sum, currency);
            if (!measure.TryMeasure(credited, out var foreign, out var value) || value < rules.RapidMinimum.Of(foreign))
            {
                continue;
            }

            var within = paidOut[(party.Id, currency)].Where(p => p.At >= first && p.At <= last + rules.RapidWindow).ToList();
            var paid = within.Sum(p => p.Amount.MinorUnits);
            if (within.Count == 0 || (decimal)paid * 10_000 < (decimal)sum * (10_000 - rules.RapidMaxRetainedBasisPoints))
            {
                continue;
            }

            var hours = (within.Max(p => p.At) - last).TotalHours;
            found.Add(AmlDetection.Of(
                AmlPattern.RapidInOut, party, day, currency.Code, ids.Concat(within.Select(p => p.Id)), credited,
                $"Credited {AmlMeasure.Format(credited)} in {ids.Count} payment(s) on {day:yyyy-MM-dd} and paid out {AmlMeasure.Format(new Money(paid, currency))} "
                + $"in {within.Count} payout(s) within {Math.Max(0, hours):0.#} hours of the last credit, leaving "
                + $"{Math.Max(0, sum - paid) * 100m / sum:0.#} % behind."));
        }

        return AmlDetection.Sorted(found);
    }
}
