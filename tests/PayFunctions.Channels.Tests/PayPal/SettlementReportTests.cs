using System.Text;
using PayFunctions.Channels.PayPal;

namespace PayFunctions.Channels.Tests.PayPal;

public sealed class SettlementReportTests
{
    // The shape of PayPal's published sample (Settlement Report Specification, "Sample Settlement Report"): report and file
    // headers, one section with its column header, body lines of a payment, a refund, a fee and a withdrawal, the section
    // footer and count, the report footer.
    private const string Sample = """
        "RH",2026/03/03 06:41:39 -0800,"A","7KNGBPH2U58GQ",009
        "FH",01
        "SH",2026/03/02 00:00:00 -0800,2026/03/02 23:59:59 -0800,"7KNGBPH2U58GQ",""
        "CH","Transaction ID","Invoice ID","PayPal Reference ID","PayPal Reference ID Type","Transaction Event Code","Transaction Initiation Date","Transaction Completion Date","Transaction  Debit or Credit","Gross Transaction Amount","Gross Transaction Currency","Fee Debit or Credit","Fee Amount","Fee Currency","Custom Field","Consumer ID","Payment Tracking ID","Store ID","Bank Reference ID","Credit Transactional Fee","Credit Promotional Fee","Credit Term"
        "SB","3C679366HH908993F","pay_1","5O190127TN364715T","ODR","T0006",2026/03/02 11:47:34 -0800,2026/03/02 11:47:35 -0800,"CR",10000,"USD","DR",398,"USD","pay_1","payer@example.com","","","",,,
        "SB","1JU08902781691411","re_1","3C679366HH908993F","TXN","T1107",2026/03/02 12:00:00 -0800,2026/03/02 12:00:00 -0800,"DR",3333,"USD","","","","pay_1","payer@example.com","","","",,,
        "SB","9XK12345AB6789012","","","","T0106",2026/03/02 13:00:00 -0800,2026/03/02 13:00:00 -0800,"DR",150,"USD","","","","","","","","",,,
        "SB","4RR12345AB6789012","pay_jp","6AB","ODR","T0006",2026/03/02 14:00:00 -0800,,"CR",150000,"JPY","DR",6000,"JPY","pay_jp","payer@example.jp","","","",,,
        "SB","7TT12345AB6789012","","","","T0400",2026/03/02 15:00:00 -0800,2026/03/02 15:00:00 -0800,"DR",500000,"USD","","","","","","","","BANK-REF-1",,,
        "SF","USD","CR",10000,"DR",503483
        "SC",5
        "RF",5
        """;

    [Fact]
    public async Task Sample_IsReadIntoPaymentsRefundsFeesAndPayoutsInMinorUnits()
    {
        var lines = await ReadAsync(Sample);

        Assert.Equal(
            [ChannelStatementLineType.Payment, ChannelStatementLineType.Refund, ChannelStatementLineType.Fee, ChannelStatementLineType.Payment, ChannelStatementLineType.Payout],
            lines.Select(l => l.Type));
        var payment = lines[0];
        Assert.Equal("3C679366HH908993F", payment.ChannelReference);
        Assert.Equal("pay_1", payment.OutTradeNo);
        Assert.Null(payment.OutRefundNo);
        Assert.Equal(10000, payment.Amount.MinorUnits);
        Assert.Equal(398, payment.Fee.MinorUnits);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 47, 35, TimeSpan.FromHours(-8)), payment.BookedAt);

        var refund = lines[1];
        Assert.Equal("pay_1", refund.OutTradeNo);
        Assert.Equal("re_1", refund.OutRefundNo);
        Assert.Equal(3333, refund.Amount.MinorUnits);
        Assert.Equal(0, refund.Fee.MinorUnits);

        // Report amounts are hundredths whatever the currency: 150000 is 1,500 yen.
        var yen = lines[3];
        Assert.Equal("JPY", yen.Amount.Currency.Code);
        Assert.Equal(1500, yen.Amount.MinorUnits);
        Assert.Equal(60, yen.Fee.MinorUnits);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.FromHours(-8)), yen.BookedAt);
    }

    [Fact]
    public async Task AFileCutShort_IsRefused() =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(Sample[..Sample.IndexOf("\"SC\"", StringComparison.Ordinal)]));

    [Fact]
    public async Task ASectionCountThatDoesNotMatch_IsRefused() =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(Sample.Replace("\"SC\",5", "\"SC\",4", StringComparison.Ordinal)));

    [Fact]
    public async Task AnotherFile_IsRefused() =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync("Date,Time,Name\n2026-03-02,10:00,Someone\n"));

    [Fact]
    public void QuotedFields_KeepCommasAndDoubledQuotes() =>
        Assert.Equal(["SB", "a,b", "say \"hi\"", "", "42"], PayPalCsvLine.Split("\"SB\",\"a,b\",\"say \"\"hi\"\"\",,42"));

    private static async Task<List<ChannelStatementLine>> ReadAsync(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))).ToArray());
        var lines = new List<ChannelStatementLine>();
        await foreach (var line in new PayPalModule().ReadAsync(stream, CancellationToken.None))
        {
            lines.Add(line);
        }

        return lines;
    }
}
