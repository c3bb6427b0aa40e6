using PayFunctions.Domain;
using PayFunctions.Domain.Aml;
using PayFunctions.RiskModel.Generation;

namespace PayFunctions.RiskModel.Simulation;

/// <summary>
/// One day of a generated stream as anti-money-laundering monitoring reads it (each payment paid to its merchant), with
/// laundering injected on top and near misses beside it (cases a step short of each standard, which must not be
/// reported), run through the same monitor as the daily report, and each finding matched against what was injected.
/// </summary>
public static class LaunderingDay
{
    private const long Yuan = 100;

    /// <summary>How many of each kind are injected.</summary>
    public const int CasesPerKind = 10;

    public static LaunderingResult Run(IReadOnlyList<GeneratedPayment> stream, DateOnly day, int seed)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var random = new Random(seed);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var transactions = stream
            .Where(p => p.Facts.At >= start && p.Facts.At < start.AddDays(1))
            .Select(p => Paid(p.Facts.PaymentId, p.Facts.At, p.Facts.MerchantId, p.Facts.PayerId, p.Facts.Amount.MinorUnits, null))
            .ToList();
        var background = transactions.Count;
        var payouts = new List<AmlPayout>();
        var injected = new List<InjectedCase>();
        // Each injected case pays a merchant of its own, so no merchant's day crosses a company's standard by what was
        // injected elsewhere: every finding then answers to one case.
        string Merchant(string @case) => "mch_sim_" + @case;
        DateTimeOffset At(double fromHour, double toHour) => start.AddHours(fromHour + (random.NextDouble() * (toHour - fromHour)));
        long Between(long low, long high) => low + (long)(random.NextDouble() * (high - low));
        var n = 0;
        string Id() => $"pay_sim_aml_{n++:D6}";

        for (var i = 0; i < CasesPerKind; i++)
        {
            // Large value: one payer's single payment at or above a natural person's RMB 500 000.
            var large = $"aml_large_{i}";
            transactions.Add(Paid(Id(), At(1, 22), Merchant(large), large, Between(500_000, 900_000) * Yuan, null));
            injected.Add(new(AmlPattern.LargeValue, large));

            // Structuring: three payments each just under the standard (by up to 9 %) within six hours, together over it.
            var structurer = $"aml_structuring_{i}";
            var first = At(1, 16);
            for (var k = 0; k < 3; k++)
            {
                transactions.Add(Paid(Id(), first.AddHours(k * 2), Merchant(structurer), structurer, Between(455_000, 499_000) * Yuan, null));
            }

            injected.Add(new(AmlPattern.Structuring, structurer));
            injected.Add(new(AmlPattern.LargeValue, structurer));

            // Near miss: one payment just under the standard and nothing else.
            transactions.Add(Paid(Id(), At(1, 22), Merchant($"near_single_{i}"), $"aml_near_single_{i}", Between(455_000, 499_000) * Yuan, null));

            // Funnelling: twelve payers nobody else sees pay one connected account within forty minutes; a near miss has nine.
            var funnel = $"acct_sim_funnel_{i}";
            var near = $"acct_sim_near_funnel_{i}";
            var funnelStart = At(1, 20);
            for (var k = 0; k < 12; k++)
            {
                transactions.Add(Paid(Id(), funnelStart.AddMinutes(k * 3), Merchant(funnel), $"aml_funnel_{i}_{k}", Between(5_000, 20_000) * Yuan, funnel));
                if (k < 9)
                {
                    transactions.Add(Paid(Id(), funnelStart.AddMinutes(k * 3), Merchant(near), $"aml_near_funnel_{i}_{k}", Between(5_000, 20_000) * Yuan, near));
                }
            }

            injected.Add(new(AmlPattern.Funnelling, funnel));

            // Rapid in-and-out: RMB 75 000 credited in three payments, 95 % or more paid out within the day; a near miss keeps 20 %.
            var rapid = $"acct_sim_rapid_{i}";
            var kept = $"acct_sim_near_rapid_{i}";
            var credited = 0L;
            var creditedKept = 0L;
            for (var k = 0; k < 3; k++)
            {
                var a = Paid(Id(), At(1, 8), Merchant(rapid), $"aml_rapid_{i}_{k}", 25_000 * Yuan, rapid);
                var b = Paid(Id(), At(1, 8), Merchant(kept), $"aml_near_rapid_{i}_{k}", 25_000 * Yuan, kept);
                transactions.Add(a);
                transactions.Add(b);
                credited += a.Receivers[0].Share.MinorUnits;
                creditedKept += b.Receivers[0].Share.MinorUnits;
            }

            payouts.Add(new AmlPayout($"stl_sim_rapid_{i}", rapid, new Money(credited * Between(95, 100) / 100, Currency.Cny), At(10, 23)));
            payouts.Add(new AmlPayout($"stl_sim_near_rapid_{i}", kept, new Money(creditedKept * 80 / 100, Currency.Cny), At(10, 23)));
            injected.Add(new(AmlPattern.RapidInOut, rapid));
        }

        var findings = AmlMonitor.Run(day, transactions, payouts, new AmlRules(), new AmlMeasure(null));
        var found = findings.LargeValues.Concat(findings.Suspicious).Select(d => new InjectedCase(d.Pattern, d.Party.Id)).ToHashSet();
        return new LaunderingResult(
            background,
            transactions.Count - background,
            [.. Enum.GetValues<AmlPattern>().Select(pattern => new LaunderingPatternResult(
                pattern,
                injected.Count(c => c.Pattern == pattern),
                injected.Count(c => c.Pattern == pattern && found.Contains(c)),
                found.Count(f => f.Pattern == pattern && !injected.Contains(f))))]);
    }

    /// <summary>A payment of the day: to the merchant alone, or nine tenths of it to a connected account (an individual's) and the rest to the merchant.</summary>
    private static AmlTransaction Paid(string id, DateTimeOffset at, string merchant, string? payer, long minor, string? account)
    {
        var amount = new Money(minor, Currency.Cny);
        IReadOnlyList<AmlReceiver> receivers = account is null
            ? [new AmlReceiver(merchant, amount, NaturalPerson: false, IsMerchant: true)]
            : [new AmlReceiver(account, new Money(minor * 9 / 10, Currency.Cny), NaturalPerson: true, IsMerchant: false),
               new AmlReceiver(merchant, new Money(minor - (minor * 9 / 10), Currency.Cny), NaturalPerson: false, IsMerchant: true)];
        return new AmlTransaction(id, at, merchant, payer, amount, "wechat_pay.native", CrossBorder: false, receivers);
    }

    private sealed record InjectedCase(AmlPattern Pattern, string Party);
}

/// <summary>The day's payments (from the stream and injected) and, per pattern, the injected cases found and the findings nothing injected explains.</summary>
public sealed record LaunderingResult(int BackgroundPayments, int InjectedPayments, IReadOnlyList<LaunderingPatternResult> ByPattern);

/// <summary>One pattern: cases injected, of them found, and findings of it that match no injected case (false positives).</summary>
public sealed record LaunderingPatternResult(AmlPattern Pattern, int Injected, int Found, int Unexplained);
