using System.Text;
using PayFunctions.Channels.Stripe;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.Stripe;

/// <summary>Stripe's itemized balance report (balance_change_from_activity.itemized.3) read as statement lines.</summary>
public sealed class BalanceReportTests
{
    // The report's default columns (docs.stripe.com/reports/report-types/balance) plus the two metadata columns the report
    // run asks for; amounts in major units, as Stripe writes them.
    private const string Report = """"
        balance_transaction_id,created_utc,created,available_on_utc,available_on,currency,gross,fee,net,reporting_category,source_id,description,customer_facing_amount,customer_facing_currency,payment_metadata[out_trade_no],refund_metadata[out_refund_no]
        txn_1Charge,2026-11-28 09:15:02,2026-11-28 09:15:02,2026-11-30 00:00:00,2026-11-30 00:00:00,usd,25.99,1.05,24.94,charge,ch_1Charge,"Latte, large ""to go""",25.99,usd,pay_0abc,
        txn_1Refund,2026-11-28 10:00:00,2026-11-28 10:00:00,2026-11-28 10:00:00,2026-11-28 10:00:00,usd,-8.00,0.00,-8.00,refund,re_1Refund,REFUND FOR CHARGE (Latte),-8.00,usd,pay_0abc,re_0xyz
        txn_1Yen,2026-11-28 11:00:00,2026-11-28 20:00:00,2026-11-30 00:00:00,2026-11-30 00:00:00,jpy,1200,43,1157,charge,ch_1Yen,"Multi-line
        description",1200,jpy,pay_0yen,
        txn_1Fee,2026-11-28 12:00:00,2026-11-28 12:00:00,2026-11-28 12:00:00,2026-11-28 12:00:00,usd,-2.00,0.00,-2.00,fee,,Billing - Usage Fee,,,,
        txn_1Payout,2026-11-29 00:00:00,2026-11-29 00:00:00,2026-11-29 00:00:00,2026-11-29 00:00:00,usd,-40.00,0.00,-40.00,payout,po_1Payout,STRIPE PAYOUT,,,,
        txn_1Dispute,2026-11-29 01:00:00,2026-11-29 01:00:00,2026-11-29 01:00:00,2026-11-29 01:00:00,usd,-25.99,15.00,-40.99,dispute,dp_1,Chargeback,-25.99,usd,pay_0abc,

        """";

    [Fact]
    public async Task Each_balance_transaction_is_one_line_in_minor_units_with_the_platform_numbers()
    {
        var lines = await ReadAsync(Report);
        var usd = Currency.Parse("USD");

        Assert.Equal(
            [
                new ChannelStatementLine(ChannelStatementLineType.Payment, "txn_1Charge", "pay_0abc", null, new Money(2599, usd), new Money(105, usd), At("2026-11-28T09:15:02Z")),
                new ChannelStatementLine(ChannelStatementLineType.Refund, "txn_1Refund", "pay_0abc", "re_0xyz", new Money(800, usd), new Money(0, usd), At("2026-11-28T10:00:00Z")),
                new ChannelStatementLine(ChannelStatementLineType.Payment, "txn_1Yen", "pay_0yen", null, new Money(1200, Currency.Parse("JPY")), new Money(43, Currency.Parse("JPY")), At("2026-11-28T11:00:00Z")),
                new ChannelStatementLine(ChannelStatementLineType.Fee, "txn_1Fee", null, null, new Money(200, usd), new Money(0, usd), At("2026-11-28T12:00:00Z")),
                new ChannelStatementLine(ChannelStatementLineType.Payout, "txn_1Payout", null, null, new Money(4000, usd), new Money(0, usd), At("2026-11-29T00:00:00Z")),
                new ChannelStatementLine(ChannelStatementLineType.Adjustment, "txn_1Dispute", "pay_0abc", null, new Money(2599, usd), new Money(1500, usd), At("2026-11-29T01:00:00Z")),
            ],
            lines);
    }

    [Fact]
    public async Task Columns_are_found_by_name_whatever_order_the_report_run_chose()
    {
        var lines = await ReadAsync("reporting_category,gross,fee,currency,created_utc,balance_transaction_id\ncharge,0.5,0.3,eur,2026-11-28 09:15:02,txn_1\n");
        Assert.Equal(new Money(50, Currency.Parse("EUR")), Assert.Single(lines).Amount);
    }

    [Theory]
    [InlineData("usd,25.999")]
    [InlineData("usd,1e3")]
    [InlineData("usd,25.")]
    [InlineData("jpy,12.5")]
    [InlineData("xxx,1.00")]
    [InlineData("usd,25,99")]
    public async Task A_damaged_row_is_refused_rather_than_read_wrong(string currencyAndGross)
    {
        var report = $"balance_transaction_id,created_utc,currency,gross,fee,reporting_category\ntxn_1,2026-11-28 09:15:02,{currencyAndGross},0,charge\n";
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(report));
    }

    [Fact]
    public async Task A_file_without_the_report_columns_is_not_a_Stripe_balance_report() =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync("id,amount\n1,2\n"));

    private static async Task<List<ChannelStatementLine>> ReadAsync(string report)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(report));
        var lines = new List<ChannelStatementLine>();
        await foreach (var line in new StripeModule().ReadAsync(stream, default))
        {
            lines.Add(line);
        }

        return lines;
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
