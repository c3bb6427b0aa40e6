namespace PayFunctions.Domain.Aml;

/// <summary>
/// Funnelling (分散转入): at least <see cref="AmlRules.FunnellingMinPayers"/> distinct payers paying into one connected
/// account within <see cref="AmlRules.FunnellingWindow"/>. A merchant's own receipts are passed over: many payers is
/// what a merchant's business is; a split recipient (a seller, a driver, a guide) collecting from that many strangers in
/// so short a time is what 分散转入 looks like. Windows are taken greedily in time order, each credit in at most one.
/// </summary>
public static class FunnellingDetector
{
    /// <summary>The day's detections of this pattern, sorted.</summary>
    public static IReadOnlyList<AmlDetection> Detect(DateOnly day, IReadOnlyList<AmlTransaction> transactions, AmlRules rules)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(rules);
        var credits = new Dictionary<(string Account, Currency Currency), List<(AmlTransaction Payment, Money Share, string Payer)>>();
        foreach (var t in transactions)
        {
            if (t.PayerId is not { } payer)
            {
                continue;
            }

            foreach (var r in t.Receivers.Where(r => !r.IsMerchant))
            {
                var key = (r.AccountId, r.Share.Currency);
                if (!credits.TryGetValue(key, out var list))
                {
                    credits[key] = list = [];
                }

                list.Add((t, r.Share, payer));
            }
        }

        var found = new List<AmlDetection>();
        foreach (var ((account, currency), list) in credits)
        {
            var sorted = list.OrderBy(c => c.Payment.At).ThenBy(c => c.Payment.Id, StringComparer.Ordinal).ToList();
            var i = 0;
            while (i < sorted.Count)
            {
                var j = i;
                while (j < sorted.Count && sorted[j].Payment.At - sorted[i].Payment.At <= rules.FunnellingWindow)
                {
                    j++;
                }

                var window = sorted[i..j];
                var payers = window.Select(c => c.Payer).Distinct(StringComparer.Ordinal).Count();
                if (payers >= rules.FunnellingMinPayers)
                {
                    var amount = new Money(window.Sum(c => c.Share.MinorUnits), currency);
                    found.Add(AmlDetection.Of(
                        AmlPattern.Funnelling, new AmlParty(AmlPartyKind.Account, account), day, currency.Code, window.Select(c => c.Payment.Id), amount,
                        $"{payers} distinct payers paid {AmlMeasure.Format(amount)} into the account in {window.Count} payments within "
                        + $"{(window[^1].Payment.At - window[0].Payment.At).TotalMinutes:0} minutes (standard: {rules.FunnellingMinPayers} payers within {rules.FunnellingWindow.TotalMinutes:0} minutes)."));
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
