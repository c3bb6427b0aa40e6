using PayFunctions.Channels.UnionPay;

namespace PayFunctions.Channels.Tests.UnionPay;

public sealed class OrderNumberTests
{
    [Fact]
    public void A_payment_id_becomes_an_order_id_without_its_underscore_and_back()
    {
        var id = PlatformIds.At(TestPki.Now);

        var orderId = UnionPayOrderNumbers.ToOrderId(id);

        Assert.Equal(id.Replace("_", string.Empty, StringComparison.Ordinal), orderId);
        Assert.InRange(orderId.Length, 8, 40);
        Assert.True(orderId.All(char.IsAsciiLetterOrDigit));
        Assert.True(UnionPayOrderNumbers.TryFromOrderId(orderId, out var back));
        Assert.Equal(id, back);
    }

    [Fact]
    public void TxnTime_is_the_creation_second_the_id_carries_in_China_time()
    {
        var created = new DateTimeOffset(2026, 3, 2, 23, 59, 58, 750, TimeSpan.Zero);

        Assert.Equal("20260303075958", UnionPayOrderNumbers.TxnTime(PlatformIds.At(created)));
        Assert.Equal("20260303075958", UnionPayOrderNumbers.TxnTime(PlatformIds.At(created, prefix: "re")));
    }

    [Theory]
    [InlineData("pay-0abc")]
    [InlineData("order_123")]
    [InlineData("PAY_000000000000r4nd0mt41l00")]
    [InlineData("pay_00000000000!r4nd0mt41l00")]
    public void Numbers_the_platform_did_not_make_are_refused(string number)
    {
        Assert.Throws<ArgumentException>(() => UnionPayOrderNumbers.ToOrderId(number));
        Assert.False(UnionPayOrderNumbers.TryFromOrderId(number.Replace("_", string.Empty, StringComparison.Ordinal), out _));
    }

    [Theory]
    [InlineData("0110164921", "20180110164727", "2018-01-10T16:49:21+08:00")]
    [InlineData("0101000005", "20181231235959", "2019-01-01T00:00:05+08:00")]
    public void TraceTime_takes_the_year_of_the_order_or_the_next(string traceTime, string txnTime, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), UnionPayOrderNumbers.CompletedAt(traceTime, txnTime));
}
