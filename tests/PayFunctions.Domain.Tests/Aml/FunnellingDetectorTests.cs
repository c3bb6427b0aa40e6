using PayFunctions.Domain.Aml;
using static PayFunctions.Domain.Tests.Aml.AmlFacts;

namespace PayFunctions.Domain.Tests.Aml;

public sealed class FunnellingDetectorTests
{
    private static readonly AmlRules Rules = new() { FunnellingMinPayers = 4, FunnellingWindow = TimeSpan.FromMinutes(30) };

    private static AmlTransaction Into(string account, string payer, int minute) =>
        Paid(payer, 1_000, TimeSpan.FromMinutes(minute), receivers: [Account(account, 900), Merchant(100)]);

    [Fact]
    public void Enough_distinct_payers_into_one_account_within_the_window_is_funnelling()
    {
        var payments = Enumerable.Range(0, 4).Select(i => Into("acct_sink", "payer_" + i, i * 5)).ToList();

        var detection = Assert.Single(FunnellingDetector.Detect(Day, payments, Rules));

        Assert.Equal((AmlPattern.Funnelling, AmlPartyKind.Account, "acct_sink", new Money(3_600, Currency.Cny)), (detection.Pattern, detection.Party.Kind, detection.Party.Id, detection.Amount));
        Assert.Equal(payments.Select(p => p.Id).Order(StringComparer.Ordinal), detection.Transactions);
    }

    [Fact]
    public void One_payer_short_or_one_payer_paying_twice_is_not()
    {
        var three = Enumerable.Range(0, 3).Select(i => Into("acct_a", "payer_" + i, i)).Append(Into("acct_a", "payer_0", 4)).ToList();

        Assert.Empty(FunnellingDetector.Detect(Day, three, Rules));
    }

    [Fact]
    public void Payers_spread_wider_than_the_window_are_not()
    {
        var spread = Enumerable.Range(0, 4).Select(i => Into("acct_b", "payer_" + i, i * 11)).ToList();

        Assert.Empty(FunnellingDetector.Detect(Day, spread, Rules));
    }

    [Fact]
    public void The_merchant_itself_and_payments_without_a_payer_are_passed_over()
    {
        var toMerchant = Enumerable.Range(0, 6).Select(i => Paid("payer_" + i, 1_000, TimeSpan.FromMinutes(i))).ToList();
        var anonymous = Enumerable.Range(0, 6).Select(i => Paid(null, 1_000, TimeSpan.FromMinutes(i), receivers: [Account("acct_c", 1_000)])).ToList();

        Assert.Empty(FunnellingDetector.Detect(Day, [.. toMerchant, .. anonymous], Rules));
    }
}
