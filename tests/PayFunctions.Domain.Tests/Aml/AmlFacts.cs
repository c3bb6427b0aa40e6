using PayFunctions.Domain.Aml;

namespace PayFunctions.Domain.Tests.Aml;

/// <summary>Payments and payouts of one China Standard Time day for the detectors' tests.</summary>
internal static class AmlFacts
{
    public static readonly DateOnly Day = new(2026, 11, 29);
    public static readonly DateTimeOffset Morning = new(2026, 11, 29, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly Currency Usd = Currency.Parse("USD");
    public static readonly Currency Eur = Currency.Parse("EUR");
    public static readonly AmlMeasure Measure = new(new ReferenceRates(Day, new Dictionary<string, decimal> { ["USD"] = 1.25m, ["CNY"] = 8m }));

    private static int next;

    /// <summary>A payment of <paramref name="payer"/> to mch_1, all of it the merchant's unless <paramref name="receivers"/> say otherwise.</summary>
    public static AmlTransaction Paid(
        string? payer, long amount, TimeSpan after = default, Currency? currency = null, bool crossBorder = false, params AmlReceiver[] receivers)
    {
        var money = new Money(amount, currency ?? Currency.Cny);
        return new AmlTransaction(
            "pay_" + Interlocked.Increment(ref next).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
            Morning + after,
            "mch_1",
            payer,
            money,
            "wechat_pay.native",
            crossBorder,
            receivers.Length > 0 ? receivers : [new AmlReceiver("mch_1", money, NaturalPerson: false, IsMerchant: true)]);
    }

    public static AmlReceiver Account(string id, long share, bool natural = true) => new(id, new Money(share, Currency.Cny), natural, IsMerchant: false);

    public static AmlReceiver Merchant(long share) => new("mch_1", new Money(share, Currency.Cny), NaturalPerson: false, IsMerchant: true);
}
