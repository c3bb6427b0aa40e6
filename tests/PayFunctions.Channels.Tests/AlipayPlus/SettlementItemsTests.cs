using System.Text;
using PayFunctions.Channels.AlipayPlus;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.AlipayPlus;

public sealed class SettlementItemsTests
{
    // settlementItems_CONNECTWALLET_USD_<batch>_1.csv as Antom documents it: a header of field names, one line per settled
    // transaction (amounts in the smallest currency unit), <END> last.
    private const string Report = """
        settlementBatchId,customerId,referenceMerchantId,transactionId,originalTransactionId,transactionRequestId,paymentMethodType,pspName,transactionType,transactionTime,settlementTime,productCode,transactionAmountValue,transactionCurrency,settlementAmountValue,settlementCurrency,quoteCurrencyPair,quotePrice,feeAmountValue,feeCurrency,taxFeeAmountValue,taxFeeCurrency
        202603010001,2188120000000001,,20260301190741010007000000001,,pay_0000000000000001,GCASH,GCash,PAYMENT,2026-03-01T10:01:00+08:00,2026-03-02T09:00:00+08:00,CASHIER_PAYMENT,10000,PHP,178,USD,PHP/USD,0.0178,150,PHP,0,PHP
        202603010001,2188120000000001,,20260301190741020007000000002,20260301190741010007000000001,re_0000000000000001,GCASH,GCash,REFUND,2026-03-01T11:00:00+08:00,2026-03-02T09:00:00+08:00,CASHIER_PAYMENT,-3333,PHP,-59,USD,PHP/USD,0.0178,0,PHP,0,PHP
        202603010001,2188120000000001,,20260301190741010007000000003,,pay_0000000000000002,KAKAOPAY,"Kakao Pay",PAYMENT,2026-03-01T12:00:00+09:00,2026-03-02T09:00:00+08:00,CASHIER_PAYMENT,10000,KRW,742,USD,KRW/USD,0.000742,2,USD,0,USD
        <END>

        """;

    [Fact]
    public async Task ReadsEveryTransactionWithItsDirectionAndFee()
    {
        var lines = await ReadAsync(Report);

        Assert.Equal(3, lines.Count);
        Assert.Equal(
            new ChannelStatementLine(
                ChannelStatementLineType.Payment, "20260301190741010007000000001", "pay_0000000000000001", null, Php(10000), Php(150), new DateTimeOffset(2026, 3, 1, 10, 1, 0, TimeSpan.FromHours(8))),
            lines[0]);
        Assert.Equal(
            new ChannelStatementLine(
                ChannelStatementLineType.Refund, "20260301190741020007000000002", null, "re_0000000000000001", Php(3333), Php(0), new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.FromHours(8))),
            lines[1]);

        // A fee charged in the settlement currency is not the transaction's: it is left to the settlement summary.
        Assert.Equal(new Money(10000, Currency.Parse("KRW")), lines[2].Amount);
        Assert.Equal(new Money(0, Currency.Parse("KRW")), lines[2].Fee);
    }

    [Fact]
    public async Task AReportCutShortOfItsEnd_IsRefused() =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(Report[..Report.IndexOf("<END>", StringComparison.Ordinal)]));

    [Theory]
    [InlineData("transactionAmountValue", "amount")]
    [InlineData(",10000,PHP,", ",1O000,PHP,")]
    [InlineData(",PHP,178,", ",XXX,178,")]
    [InlineData("GCASH,GCash,PAYMENT", "GCASH,GCash,\"PAYMENT")]
    public async Task ADamagedReport_IsRefused(string part, string damage) =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(ReplaceFirst(Report, part, damage)));

    private static Money Php(long minor) => new(minor, Currency.Parse("PHP"));

    private static string ReplaceFirst(string text, string part, string replacement)
    {
        var at = text.IndexOf(part, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + part.Length)..];
    }

    private static async Task<List<ChannelStatementLine>> ReadAsync(string report)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(report));
        var lines = new List<ChannelStatementLine>();
        await foreach (var line in new AlipayPlusModule().ReadAsync(stream, CancellationToken.None))
        {
            lines.Add(line);
        }

        return lines;
    }
}
