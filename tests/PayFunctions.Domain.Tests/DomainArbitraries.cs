using FsCheck;
using FsCheck.Fluent;
using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

/// A payment, a fee schedule and a split rule that is valid for them.
public sealed record SplitScenario(Money Gross, FeeSchedule Fee, SplitRule? Rule)
{
    public override string ToString() =>
        $"{Gross} fee {Fee.BasisPoints}bp+{Fee.FixedMinorUnits} rule [{string.Join(", ", Rule?.Recipients.Select(r => $"{r.AccountId}:{r.BasisPoints}bp/{r.FixedMinorUnits}") ?? [])}]";
}

/// A capture by merchant acct_m{Merchant}, posted Minute minutes after the start of the day before the first cut-off.
public sealed record SettlementCaptureSpec(int Merchant, int Currency, long Gross, bool WithRecipient, int Minute);

/// A run of day Day's batch for one account and currency that dies after CrashAfter storage operations, if set.
public sealed record SettlementRunSpec(int Day, int Account, int Currency, int? CrashAfter);

/// Captures and batch runs over Days days, interleaved by Choices (each picks one of the live actors).
public sealed record SettlementScenario(int Days, IReadOnlyList<SettlementCaptureSpec> Captures, IReadOnlyList<SettlementRunSpec> Runs, IReadOnlyList<int> Choices)
{
    public override string ToString() =>
        $"{Days} days; captures [{string.Join(", ", Captures)}]; runs [{string.Join(", ", Runs)}]; choices [{string.Join(",", Choices)}]";
}

public static class DomainArbitraries
{
    public static Arbitrary<SettlementScenario> SettlementScenarios() =>
        (from days in Gen.Choose(1, 4)
         from captures in Gen.ListOf(Capture(days))
         from runs in Gen.ListOf(Run(days))
         from choices in Gen.ListOf(Gen.Choose(0, 1_000))
         select new SettlementScenario(days, [.. captures], [.. runs], [.. choices])).ToArbitrary();

    private static Gen<SettlementCaptureSpec> Capture(int days) =>
        from merchant in Gen.Choose(0, 1)
        from currency in Gen.Choose(0, 1)
        from gross in Gen.OneOf(Gen.Choose(1, 200), Gen.Choose(1, 1_000_000))
        from recipient in Gen.Elements(true, false)
        from minute in Gen.Choose(0, ((days + 1) * 24 * 60) - 1)
        select new SettlementCaptureSpec(merchant, currency, gross, recipient, minute);

    private static Gen<SettlementRunSpec> Run(int days) =>
        from day in Gen.Choose(0, days + 1)
        from account in Gen.Choose(0, 3)
        from currency in Gen.Choose(0, 1)
        from crash in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(1, 14).Select(n => (int?)n))
        select new SettlementRunSpec(day, account, currency, crash);

    public static Arbitrary<Currency> Currencies() =>
        Gen.Elements(Currency.Cny, Currency.Parse("JPY"), Currency.Parse("KWD"), Currency.Parse("USD")).ToArbitrary();

    public static Arbitrary<SplitScenario> Scenarios() =>
        (from currency in Currencies().Generator
         from gross in Amounts()
         from fee in Fees()
         from rule in Rules(gross)
         let scenario = new SplitScenario(new Money(gross, currency), fee, rule)
         where rule is null || rule.Validate(scenario.Gross, fee).Count == 0
         select scenario).ToArbitrary();

    private static Gen<long> Amounts() =>
        Gen.OneOf(
            Gen.Choose(0, 100).Select(x => (long)x),
            Gen.Choose(1, 1_000_000).Select(x => (long)x),
            Gen.Choose(0, int.MaxValue).Select(x => (long)x * 4_000_000));

    private static Gen<FeeSchedule> Fees() =>
        from bp in Gen.OneOf(Gen.Choose(0, 100), Gen.Choose(0, 10_000))
        from fixedPart in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 1_000))
        select new FeeSchedule(bp, fixedPart);

    private static Gen<SplitRule?> Rules(long gross) =>
        from count in Gen.Choose(0, SplitRule.MaxRecipients)
        from recipients in Gen.ArrayOf(Recipient(gross, Math.Max(count, 1)), count)
        select count == 0
            ? null
            : new SplitRule(recipients.Select((r, i) => r with { AccountId = "acct_" + i }).ToList());

    private static Gen<SplitRecipient> Recipient(long gross, int count) =>
        Gen.OneOf(
            Gen.Choose(1, SplitRule.BasisPointsPerWhole / count).Select(bp => new SplitRecipient("", bp, null)),
            Gen.Choose(1, (int)Math.Clamp(gross / (2 * count), 1, int.MaxValue)).Select(amount => new SplitRecipient("", null, (long)amount)));
}
