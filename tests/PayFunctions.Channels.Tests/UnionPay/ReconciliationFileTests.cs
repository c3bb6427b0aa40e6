using System.IO.Compression;
using PayFunctions.Channels.UnionPay;
using PayFunctions.Domain;

namespace PayFunctions.Channels.Tests.UnionPay;

public sealed class ReconciliationFileTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly string PaymentNumber = PlatformIds.At(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
    private static readonly string RefundNumber = PlatformIds.At(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), "ref");

    private static readonly string Payment = ReconciliationFiles.Line("01", "0301100100", 6000, "621603011001000000001", OrderId(PaymentNumber), "D000000000036");
    private static readonly string Refund = ReconciliationFiles.Line("04", "0301164758", 5000, "621603011647580000002", OrderId(RefundNumber), "C000000000030");

    [Fact]
    public async Task Reads_the_payment_and_the_refund_with_UnionPay_ids_platform_numbers_fen_and_fees_in_China_time()
    {
        var lines = await ReadAsync(ReconciliationFiles.Zip("260301", Payment, Refund));

        Assert.Equal(
            [
                new ChannelStatementLine(
                    ChannelStatementLineType.Payment, "621603011001000000001", PaymentNumber, null, Cny(6000), Cny(36), new DateTimeOffset(2026, 3, 1, 10, 1, 0, Beijing)),
                new ChannelStatementLine(
                    ChannelStatementLineType.Refund, "621603011647580000002", null, RefundNumber, Cny(5000), Cny(-30), new DateTimeOffset(2026, 3, 1, 16, 47, 58, Beijing)),
            ],
            lines);
    }

    [Fact]
    public async Task A_void_is_an_adjustment_of_the_payment_it_reverses()
    {
        var line = ReconciliationFiles.Line("31", "0301120000", 6000, "621603011200000000003", "CX" + OrderId(PaymentNumber), "C000000000036");

        var read = Assert.Single(await ReadAsync(ReconciliationFiles.Zip("260301", line)));

        Assert.Equal((ChannelStatementLineType.Adjustment, PaymentNumber), (read.Type, read.OutTradeNo));
    }

    [Theory]
    [InlineData("270101", "1231233000", 2026, 12, 31)]
    [InlineData("261231", "0101000500", 2027, 1, 1)]
    [InlineData("240229", "0229120000", 2024, 2, 29)]
    public async Task The_year_is_the_settlement_dates_or_its_neighbours_nearest_to_it(string settleDate, string time, int year, int month, int day)
    {
        var line = ReconciliationFiles.Line("01", time, 1, "621603011001000000001", OrderId(PaymentNumber), "D000000000000");

        var read = Assert.Single(await ReadAsync(ReconciliationFiles.Zip(settleDate, line)));

        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(read.BookedAt.DateTime));
    }

    [Fact]
    public async Task An_order_id_the_platform_did_not_make_is_kept_as_it_is_and_a_day_without_transactions_has_no_line()
    {
        var line = ReconciliationFiles.Line("01", "0301100100", 100, "621603011001000000001", "counter20260301001", "D000000000000");

        Assert.Equal("counter20260301001", Assert.Single(await ReadAsync(ReconciliationFiles.Zip("260301", line))).OutTradeNo);
        Assert.Empty(await ReadAsync(ReconciliationFiles.Zip("260301")));
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_read_the_same()
    {
        var zip = ReconciliationFiles.Zip("260301", Payment, Refund);

        var lines = await new UnionPayModule().ReadAsync(new ForwardOnlyStream(zip), CancellationToken.None).ToListAsync();

        Assert.Equal(await ReadAsync(zip), lines);
    }

    [Theory]
    [InlineData(" 000000006000 ", " 0000000060O0 ")]
    [InlineData(" D000000000036 ", " X000000000036 ")]
    [InlineData(" D000000000036 ", " D00000000003- ")]
    [InlineData(" 0301100100 ", " 1301100100 ")]
    [InlineData(" 0301100100 ", " 0230100100 ")]
    [InlineData(" 0301100100 ", " 0301250100 ")]
    [InlineData(" 621603011001000000001 ", "                       ")]
    [InlineData(" 621603011001000000001 ", " 62160301100100000000- ")]
    [InlineData(" 01 07 000000 ", " 0X 07 000000 ")]
    [InlineData(" 777290058110048 ", " 77729005811004X ")]
    [InlineData("S22 00010000", "S22X00010000")]
    public async Task A_damaged_line_is_a_format_exception(string field, string damaged)
    {
        var line = ReplaceFirst(Payment, field, damaged);

        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(ReconciliationFiles.Zip("260301", line)));
    }

    [Fact]
    public async Task A_damaged_order_id_a_short_long_or_endless_line_is_a_format_exception()
    {
        var orderId = OrderId(PaymentNumber);
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(ReconciliationFiles.Zip("260301", Payment.Replace(orderId, orderId[..^1] + "-", StringComparison.Ordinal))));
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(ReconciliationFiles.Zip("260301", Payment[..^1])));
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(ReconciliationFiles.Zip("260301", Payment + " ")));
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(ReconciliationFiles.ZipWith("INN26030188ZM_" + ReconciliationFiles.MerId, new string('0', 1_000_000))));
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(ReconciliationFiles.ZipWith("INN26030188ZM_" + ReconciliationFiles.MerId, Payment + "\r" + Payment)));
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_with_one_dated_ZM_entry_is_a_format_exception()
    {
        var content = Payment + "\r\n";
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(System.Text.Encoding.Latin1.GetBytes(content)));
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(ReconciliationFiles.ZipWith("INN26030188ZM_77729005811004", content)));
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(ReconciliationFiles.ZipWith("INN26023088ZM_" + ReconciliationFiles.MerId, content)));
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(TwoDetailEntries(content)));
        var zip = ReconciliationFiles.Zip("260301", Payment, Refund);
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(zip[..(zip.Length / 2)]));
    }

    [Fact]
    public async Task A_damaged_entry_is_a_format_exception()
    {
        var zip = ReconciliationFiles.Zip("260301", Payment, Refund);
        var data = zip.AsSpan().IndexOf("INN26030188ZM_"u8) + "INN26030188ZM_".Length + ReconciliationFiles.MerId.Length;
        for (var i = data; i < data + 40; i++)
        {
            zip[i] ^= 0x5A;
        }

        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(zip));
    }

    private static byte[] TwoDetailEntries(string content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var day in new[] { "260301", "260302" })
            {
                using var entry = zip.CreateEntry("INN" + day + "88ZM_" + ReconciliationFiles.MerId).Open();
                entry.Write(System.Text.Encoding.Latin1.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    private static string OrderId(string number) => number.Replace("_", string.Empty, StringComparison.Ordinal);

    private static Money Cny(long fen) => new(fen, Currency.Cny);

    private static string ReplaceFirst(string text, string value, string replacement)
    {
        var at = text.IndexOf(value, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{value}' is not in the line.");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + value.Length));
    }

    private static async Task<List<ChannelStatementLine>> ReadAsync(byte[] file) =>
        await new UnionPayModule().ReadAsync(new MemoryStream(file), CancellationToken.None).ToListAsync();

    /// <summary>A stream as an HTTP body is: read once, front to back.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
