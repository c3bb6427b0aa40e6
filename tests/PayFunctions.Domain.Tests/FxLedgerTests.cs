using FsCheck.Xunit;
using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

public sealed class FxLedgerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly Currency Usd = Currency.Parse("USD");

    // The ECB's rates of 2024-06-28: 1.0705 USD and 7.7748 CNY per euro.
    private static readonly ReferenceRates Rates = new(new DateOnly(2024, 6, 28), new Dictionary<string, decimal> { ["USD"] = 1.0705m, ["CNY"] = 7.7748m });

    private static FxQuote CnyToUsd => FxQuote.Lock(Rates, Currency.Cny, Usd, 100, At)!;

    private static Money Cny(long fen) => new(fen, Currency.Cny);

    private static Money Cents(long cents) => new(cents, Usd);

    [Fact]
    public void The_quote_is_the_cross_rate_via_the_euro_less_the_margin()
    {
        var quote = CnyToUsd;

        Assert.Equal(0.1376884293m, quote.ReferenceRate);
        Assert.Equal(0.136311545m, quote.Rate);
        Assert.Equal((Cents(1363), Cents(1377)), (quote.SettlementAmount(10_000), quote.ReferenceAmount(10_000)));
        Assert.Null(FxQuote.Lock(Rates, Currency.Cny, Currency.Parse("JPY"), 100, At));
    }

    [Fact]
    public void A_capture_moves_the_gross_through_fx_conversion_into_payables_and_the_margin()
    {
        var allocations = SplitCalculator.Allocate(CnyToUsd.SettlementAmount(10_000), new FeeSchedule(60, 0), "acct_m", null);

        var entry = FxPostings.PaymentCaptured("je_1", "pay_1", "wechat_pay", Cny(10_000), CnyToUsd, allocations, At);

        Assert.Equal(
            [
                new LedgerLine("channel_clearing:wechat_pay", EntrySide.Debit, Cny(10_000)),
                new LedgerLine(LedgerAccounts.FxConversion, EntrySide.Credit, Cny(10_000)),
                new LedgerLine(LedgerAccounts.FxConversion, EntrySide.Debit, Cents(1377)),
                new LedgerLine("payable:platform", EntrySide.Credit, Cents(8)),
                new LedgerLine("payable:acct_m", EntrySide.Credit, Cents(1355)),
                new LedgerLine(LedgerAccounts.FxMargin, EntrySide.Credit, Cents(14)),
            ],
            entry.Lines);
        Assert.Empty(LedgerInvariants.Check([entry]));
    }

    [Fact]
    public void A_capture_whose_allocations_are_not_the_settlement_amount_is_refused() =>
        Assert.Throws<ArgumentException>(() => FxPostings.PaymentCaptured(
            "je_1", "pay_1", "wechat_pay", Cny(10_000), CnyToUsd, SplitCalculator.Allocate(Cents(1364), FeeSchedule.None, "acct_m", null), At));

    [Fact]
    public void Half_a_refund_gives_back_half_at_the_locked_rate_and_half_the_margin()
    {
        var allocations = SplitCalculator.Allocate(CnyToUsd.SettlementAmount(10_000), new FeeSchedule(60, 0), "acct_m", null);
        var reversal = FxReversal.For(CnyToUsd, 10_000, allocations, 0, 5_000);

        var entry = FxPostings.RefundSucceeded("je_r", "re_1", "wechat_pay", Cny(5_000), CnyToUsd, reversal, At);

        Assert.Equal(
            [
                new LedgerLine(LedgerAccounts.FxConversion, EntrySide.Debit, Cny(5_000)),
                new LedgerLine("channel_clearing:wechat_pay", EntrySide.Credit, Cny(5_000)),
                new LedgerLine("payable:platform", EntrySide.Debit, Cents(4)),
                new LedgerLine("payable:acct_m", EntrySide.Debit, Cents(678)),
                new LedgerLine(LedgerAccounts.FxMargin, EntrySide.Debit, Cents(7)),
                new LedgerLine(LedgerAccounts.FxConversion, EntrySide.Credit, Cents(689)),
            ],
            entry.Lines);
        Assert.Equal(Postings.RefundKind, entry.Kind);
    }

    [Fact]
    public void A_refund_too_small_to_be_worth_a_cent_moves_only_the_presentment_currency()
    {
        var allocations = SplitCalculator.Allocate(CnyToUsd.SettlementAmount(10_000), FeeSchedule.None, "acct_m", null);
        var reversal = FxReversal.For(CnyToUsd, 10_000, allocations, 0, 1);

        var entry = FxPostings.RefundSucceeded("je_r", "re_1", "wechat_pay", Cny(1), CnyToUsd, reversal, At);

        Assert.Equal(2, entry.Lines.Count);
        Assert.All(entry.Lines, l => Assert.Equal(Currency.Cny, l.Amount.Currency));
    }

    [Property(Arbitrary = [typeof(FxArbitraries)], MaxTest = 300)]
    public void Refunds_in_any_parts_reverse_exactly_what_the_capture_credited(FxPaymentCase c)
    {
        var quote = c.Quote;
        var settled = quote.SettlementAmount(c.Gross);
        var rule = c.RecipientBasisPoints == 0 ? null : new SplitRule([new SplitRecipient("acct_r", c.RecipientBasisPoints, null)]);
        var allocations = SplitCalculator.Allocate(settled, c.Fee, "acct_m", rule);
        var gross = new Money(c.Gross, quote.Presentment);
        var entries = new List<JournalEntry> { FxPostings.PaymentCaptured("je_c", "pay_1", "alipay", gross, quote, allocations, At) };
        var random = new Random(c.Seed);
        long refunded = 0;
        while (refunded < c.Gross)
        {
            var amount = Math.Min(c.Gross - refunded, 1 + (long)(random.NextDouble() * Math.Max(1, c.Gross / 3)));
            var reversal = FxReversal.For(quote, c.Gross, allocations, refunded, amount);
            Assert.All(reversal.Payables, p => Assert.True(p.Amount.IsPositive));
            Assert.True(reversal.Margin.MinorUnits >= 0, $"margin step {reversal.Margin}");
            entries.Add(FxPostings.RefundSucceeded($"je_r{entries.Count}", $"re_{entries.Count}", "alipay", new Money(amount, quote.Presentment), quote, reversal, At));
            refunded += amount;
        }

        Assert.Empty(LedgerInvariants.Check(entries));
        var lines = entries.SelectMany(LedgerProjection.Project).ToList();
        Assert.All(
            lines.GroupBy(l => (l.Account, l.Currency)),
            g => Assert.True(g.Sum(l => l.Credits - l.Debits) == 0, $"{g.Key.Account} {g.Key.Currency} is left at {g.Sum(l => l.Credits - l.Debits)}"));
    }

    [Property(Arbitrary = [typeof(FxArbitraries)], MaxTest = 300)]
    public void The_margin_is_never_negative_and_captures_balance_in_both_currencies(FxPaymentCase c)
    {
        var settled = c.Quote.SettlementAmount(c.Gross);
        var allocations = SplitCalculator.Allocate(settled, c.Fee, "acct_m", null);

        var entry = FxPostings.PaymentCaptured("je_c", "pay_1", "alipay", new Money(c.Gross, c.Quote.Presentment), c.Quote, allocations, At);

        Assert.True(c.Quote.Rate <= c.Quote.ReferenceRate);
        Assert.True(c.Quote.ReferenceAmount(c.Gross).MinorUnits >= settled.MinorUnits);
        Assert.Empty(entry.Violations());
    }
}
