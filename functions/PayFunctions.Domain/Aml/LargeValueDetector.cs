namespace PayFunctions.Domain.Aml;

/// <summary>
/// Large-value transactions (大额交易, Article 5): a party's payments of one day, one or summed, at or above the standard
/// for its kind. Sums are per customer and one-sided (Article 5, second paragraph): a payer's payments out, a receiver's
/// credits in, renminbi and foreign currency apart. A payer is a natural person, its domestic and cross-border payments
/// measured against their own standards; a merchant is a non-natural person; a connected account is what its type says.
/// </summary>
public static class LargeValueDetector
{
    internal const string Domestic = "natural_domestic";
    internal const string CrossBorder = "natural_cross_border";
    internal const string NonNatural = "non_natural";

    /// <summary>The day's detections of this pattern, sorted.</summary>
    public static IReadOnlyList<AmlDetection> Detect(DateOnly day, IReadOnlyList<AmlTransaction> transactions, AmlRules rules, AmlMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(measure);
        var sums = new Dictionary<(AmlParty Party, bool Foreign, string Standard), (long Value, HashSet<string> Ids)>();
        foreach (var t in transactions)
        {
            if (t.PayerId is { } payer && measure.TryMeasure(t.Amount, out var foreign, out var value))
            {
                Add(sums, (new AmlParty(AmlPartyKind.Payer, payer), foreign, t.CrossBorder ? CrossBorder : Domestic), value, t.Id);
            }

            foreach (var r in t.Receivers)
            {
                if (measure.TryMeasure(r.Share, out var receivedForeign, out var received))
                {
                    Add(sums, (AmlParty.OfReceiver(r), receivedForeign, r.NaturalPerson ? Domestic : NonNatural), received, t.Id);
                }
            }
        }

        var found = new List<AmlDetection>();
        foreach (var ((party, foreign, standard), (value, ids)) in sums)
        {
            var threshold = StandardOf(rules, standard).Of(foreign);
            if (value >= threshold)
            {
                var amount = AmlMeasure.AsMoney(foreign, value);
                found.Add(AmlDetection.Of(
                    AmlPattern.LargeValue, party, day, standard + (foreign ? "|foreign" : "|cny"), ids, amount,
                    $"{ids.Count} payment(s) {(party.Kind == AmlPartyKind.Payer ? "paid" : "received")} on {day:yyyy-MM-dd} total {AmlMeasure.Format(amount)}, "
                    + $"at or above the {Describe(standard)} standard of {AmlMeasure.Format(AmlMeasure.AsMoney(foreign, threshold))} (Order [2016] No. 3, Article 5({Item(standard)}))."));
            }
        }

        return AmlDetection.Sorted(found);
    }

    internal static AmlStandard StandardOf(AmlRules rules, string standard) => standard switch
    {
        Domestic => rules.NaturalDomestic,
        CrossBorder => rules.NaturalCrossBorder,
        _ => rules.NonNatural,
    };

    internal static string Describe(string standard) => standard switch
    {
        Domestic => "natural person's domestic transfers",
        CrossBorder => "natural person's cross-border transfers",
        _ => "non-natural person's transfers",
    };

    private static int Item(string standard) => standard switch
    {
        Domestic => 3,
        CrossBorder => 4,
        _ => 2,
    };

    private static void Add(Dictionary<(AmlParty, bool, string), (long, HashSet<string>)> sums, (AmlParty, bool, string) key, long value, string id)
    {
        var (total, ids) = sums.TryGetValue(key, out var sum) ? sum : (0, new HashSet<string>(StringComparer.Ordinal));
        ids.Add(id);
        sums[key] = (checked(total + value), ids);
    }
}
