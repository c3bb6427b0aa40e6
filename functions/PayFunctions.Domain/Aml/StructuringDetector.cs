namespace PayFunctions.Domain.Aml;

/// <summary>
/// Structuring (拆分交易): a payer's payments each just under the standard that applies to it (within
/// <see cref="AmlRules.StructuringMarginBasisPoints"/> below), at least <see cref="AmlRules.StructuringMinPayments"/> of them
/// within <see cref="AmlRules.StructuringWindow"/>, whose sum reaches the standard. One payment at or above the standard is a
/// large value, not structuring; payments further below are not counted. Sequences are taken greedily in time order, so
/// each payment belongs to at most one.
/// </summary>
public static class StructuringDetector
{
    /// <summary>The day's detections of this pattern, sorted.</summary>
    public static IReadOnlyList<AmlDetection> Detect(DateOnly day, IReadOnlyList<AmlTransaction> transactions, AmlRules rules, AmlMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(measure);
        var near = new Dictionary<(string Payer, bool Foreign, string Standard), List<(AmlTransaction Payment, long Value)>>();
        foreach (var t in transactions)
        {
            if (t.PayerId is not { } payer || !measure.TryMeasure(t.Amount, out var foreign, out var value))
            {
                continue;
            }

            var standard = t.CrossBorder ? LargeValueDetector.CrossBorder : LargeValueDetector.Domestic;
            var threshold = LargeValueDetector.StandardOf(rules, standard).Of(foreign);
            if (value < threshold && (decimal)value * 10_000 >= (decimal)threshold * (10_000 - rules.StructuringMarginBasisPoints))
            {
                var key = (payer, foreign, standard);
                if (!near.TryGetValue(key, out var list))
                {
                    near[key] = list = [];
                }

                list.Add((t, value));
            }
        }

        var found = new List<AmlDetection>();
        foreach (var ((payer, foreign, standard), list) in near)
        {
            var sorted = list.OrderBy(p => p.Payment.At).ThenBy(p => p.Payment.Id, StringComparer.Ordinal).ToList();
            var threshold = LargeValueDetector.StandardOf(rules, standard).Of(foreign);
            var i = 0;
            while (i < sorted.Count)
            {
                var j = i;
                long sum = 0;
                while (j < sorted.Count && sorted[j].Payment.At - sorted[i].Payment.At <= rules.StructuringWindow)
                {
                    sum = checked(sum + sorted[j].Value);
                    j++;
                }

                if (j - i >= rules.StructuringMinPayments && sum >= threshold)
                {
                    var amount = AmlMeasure.AsMoney(foreign, sum);
                    var limit = AmlMeasure.Format(AmlMeasure.AsMoney(foreign, threshold));
                    found.Add(AmlDetection.Of(
                        AmlPattern.Structuring, new AmlParty(AmlPartyKind.Payer, payer), day, standard + (foreign ? "|foreign" : "|cny"),
                        sorted[i..j].Select(p => p.Payment.Id), amount,
                        $"{j - i} payments within {(sorted[j - 1].Payment.At - sorted[i].Payment.At).TotalMinutes:0} minutes, each under but within "
                        + $"{rules.StructuringMarginBasisPoints / 100m:0.##} % of the {LargeValueDetector.Describe(standard)} standard of {limit}, together {AmlMeasure.Format(amount)}."));
                    i = j;
                }
                else
                {
                    i++;
                }
            }
        }

        return AmlDetection.Sorted(found);
    }
}
