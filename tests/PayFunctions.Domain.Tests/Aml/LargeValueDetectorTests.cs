using PayFunctions.Domain.Aml;
using static PayFunctions.Domain.Tests.Aml.AmlFacts;

namespace PayFunctions.Domain.Tests.Aml;

public sealed class LargeValueDetectorTests
{
    private static readonly AmlRules Rules = new();

    [Fact]
    public void A_payers_single_payment_at_the_standard_is_reported_and_one_fen_under_is_not()
    {
        var at = Paid("payer_a", 50_000_000);
        var under = Paid("payer_b", 49_999_999);

        var found = LargeValueDetector.Detect(Day, [at, under], Rules, Measure).Where(d => d.Party.Kind == AmlPartyKind.Payer).ToList();

        var detection = Assert.Single(found);
        Assert.Equal((new AmlParty(AmlPartyKind.Payer, "payer_a"), new Money(50_000_000, Currency.Cny)), (detection.Party, detection.Amount));
        Assert.Equal([at.Id], detection.Transactions);
        Assert.Contains("Article 5(3)", detection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_day_payments_of_one_payer_are_summed_and_other_payers_are_not_added_to_them()
    {
        var payments = new[] { Paid("payer_a", 30_000_000), Paid("payer_a", 20_000_000, TimeSpan.FromHours(5)), Paid("payer_b", 40_000_000) };

        var found = LargeValueDetector.Detect(Day, payments, Rules, Measure).Where(d => d.Party.Kind == AmlPartyKind.Payer).ToList();

        var detection = Assert.Single(found);
        Assert.Equal("payer_a", detection.Party.Id);
        Assert.Equal(payments[..2].Select(p => p.Id).Order(StringComparer.Ordinal), detection.Transactions);
    }

    [Fact]
    public void Cross_border_payments_meet_the_lower_cross_border_standard_and_domestic_ones_do_not_add_to_them()
    {
        var found = LargeValueDetector.Detect(
            Day, [Paid("payer_x", 20_000_000, crossBorder: true), Paid("payer_d", 19_999_999, crossBorder: true), Paid("payer_d", 1_000)], Rules, Measure);

        var detection = Assert.Single(found, d => d.Party.Kind == AmlPartyKind.Payer);
        Assert.Equal("payer_x", detection.Party.Id);
        Assert.Contains("Article 5(4)", detection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Foreign_currency_is_measured_as_its_dollar_equivalent_apart_from_renminbi()
    {
        // EUR 80,000.00 at 1.25 USD per euro is USD 100,000.00: the natural person's standard. RMB alongside is not added.
        var euros = Paid("payer_e", 8_000_000, currency: Eur);
        var found = LargeValueDetector.Detect(Day, [euros, Paid("payer_e", 49_000_000), Paid("payer_f", 7_999_999, currency: Eur)], Rules, Measure);

        var detection = Assert.Single(found, d => d.Party.Kind == AmlPartyKind.Payer);
        Assert.Equal(("payer_e", new Money(10_000_000, Usd), euros.Id), (detection.Party.Id, detection.Amount, Assert.Single(detection.Transactions)));
    }

    [Fact]
    public void Receivers_are_measured_by_their_share_against_their_own_standard()
    {
        // A company's account and the merchant need RMB 2,000,000; an individual's account RMB 500,000.
        var split = Paid("payer_s", 100_000_000, receivers: [Account("acct_person", 50_000_000), Account("acct_firm", 49_000_000, natural: false), Merchant(1_000_000)]);
        var merchantDay = Enumerable.Range(0, 4).Select(i => Paid(null, 50_000_000, TimeSpan.FromMinutes(i))).ToList();

        var found = LargeValueDetector.Detect(Day, [split, .. merchantDay], Rules, Measure);

        Assert.Equal(
            [(AmlPartyKind.Payer, "payer_s"), (AmlPartyKind.Merchant, "mch_1"), (AmlPartyKind.Account, "acct_person")],
            found.Select(d => (d.Party.Kind, d.Party.Id)));
        Assert.Equal(new Money(201_000_000, Currency.Cny), found.Single(d => d.Party.Kind == AmlPartyKind.Merchant).Amount);
    }

    [Fact]
    public void Ids_depend_on_the_facts_not_on_their_order()
    {
        var payments = new[] { Paid("payer_a", 30_000_000), Paid("payer_a", 30_000_000, TimeSpan.FromHours(1)) };

        var first = LargeValueDetector.Detect(Day, payments, Rules, Measure);
        var reversed = LargeValueDetector.Detect(Day, [.. payments.Reverse()], Rules, Measure);

        Assert.Equal(first, reversed, (a, b) => a.Id == b.Id && a.Transactions.SequenceEqual(b.Transactions));
        Assert.NotEqual(first[0].Id, LargeValueDetector.Detect(Day.AddDays(1), payments, Rules, Measure)[0].Id);
    }

    [Fact]
    public void A_currency_without_a_rate_is_left_to_the_unmeasured_list()
    {
        var yen = Paid("payer_j", 100_000_000, currency: Currency.Parse("JPY"));

        var findings = AmlMonitor.Run(Day, [yen], [], Rules, Measure);

        Assert.Empty(findings.LargeValues);
        Assert.Equal([yen.Id], findings.Unmeasured);
    }
}
