using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using ChinaTime = ChannelSandbox.ChinaTime;
using PayFunctions.Channels;
using PayFunctions.Channels.WeChatPay;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.WeChatPay;

/// <summary>The day's trade bill the sandbox serves, downloaded through the platform's adapter and read by its module.</summary>
public sealed class TradeBillTests(SandboxHost host) : IClassFixture<SandboxHost>, IDisposable
{
    private const string Discrepancies = "/sandbox/wechat_pay/bill/discrepancies";
    private readonly AdapterAccount _account = new(host);

    private IPaymentChannel Channel => _account.Channel;

    public void Dispose() => _account.Dispose();

    [Fact]
    public async Task The_days_bill_lists_the_payments_and_the_refund_as_processed()
    {
        var before = Today();
        var first = await PaidOrderAsync(1999);
        var second = await PaidOrderAsync(500);
        var refund = await Channel.RefundAsync(
            new ChannelRefundRequest(first, "R" + first, Cny(700), Cny(1999), "商品已售完", new Uri("https://merchant.example/refunds")), CancellationToken.None);
        var paidAt = (await Channel.QueryAsync(new ChannelOrderRef(first), CancellationToken.None)).PaidAt!.Value;

        // Read every day the calls may have fallen on, should they straddle midnight in Beijing.
        var lines = new List<ChannelStatementLine>();
        foreach (var day in new[] { before, Today() }.Distinct())
        {
            lines.AddRange(await BillAsync(day));
        }

        var payment = Assert.Single(lines, line => line is { Type: ChannelStatementLineType.Payment, OutTradeNo: var no } && no == first);
        Assert.Equal(Cny(1999), payment.Amount);
        Assert.Equal(Cny(12), payment.Fee);
        Assert.Equal(paidAt, payment.BookedAt);
        Assert.Equal(TimeSpan.FromHours(8), payment.BookedAt.Offset);
        Assert.StartsWith("4200", payment.ChannelReference, StringComparison.Ordinal);
        Assert.Equal(Cny(500), Assert.Single(lines, line => line.OutTradeNo == second).Amount);
        var refunded = Assert.Single(lines, line => line.Type == ChannelStatementLineType.Refund && line.OutTradeNo == first);
        Assert.Equal(new ChannelStatementLine(ChannelStatementLineType.Refund, refund.ChannelRefundNo!, first, "R" + first, Cny(700), Cny(-4), refunded.BookedAt), refunded);
    }

    [Fact]
    public async Task A_payment_completed_at_a_chosen_moment_is_queried_and_billed_at_it_and_the_moment_must_be_recent()
    {
        var outTradeNo = Prepay.NewOutTradeNo();
        await Channel.PrepayAsync(
            new PrepayRequest(outTradeNo, "wechat_pay.native", Cny(800), "Latte", DateTimeOffset.UtcNow.AddMinutes(30), new Uri("https://merchant.example/notify"), "order-43"),
            CancellationToken.None);
        var yesterday = Today().AddDays(-1);
        var justBeforeMidnight = new DateTimeOffset(yesterday.ToDateTime(new TimeOnly(23, 59, 58)), TimeSpan.FromHours(8));
        foreach (var refused in new[] { DateTimeOffset.UtcNow.AddMinutes(5), DateTimeOffset.UtcNow.AddDays(-3) })
        {
            using var refusal = await Prepay.PayAsync(host, outTradeNo, new { notify = false, success_time = refused.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(400, (int)refusal.StatusCode);
        }

        using var pay = await Prepay.PayAsync(host, outTradeNo, new { notify = false, success_time = $"{Text(yesterday)}T23:59:58+08:00" });

        Assert.Equal(200, (int)pay.StatusCode);
        Assert.Equal(justBeforeMidnight, (await Channel.QueryAsync(new ChannelOrderRef(outTradeNo), CancellationToken.None)).PaidAt);
        Assert.Equal(justBeforeMidnight, Assert.Single(await BillAsync(yesterday), line => line.OutTradeNo == outTradeNo).BookedAt);
        Assert.DoesNotContain(await BillAsync(Today()), line => line.OutTradeNo == outTradeNo);
    }

    [Fact]
    public async Task An_unknown_payment_appears_as_a_line_the_platform_never_placed()
    {
        var day = Today();
        var outTradeNo = "UNKNOWN" + Guid.NewGuid().ToString("N")[..20];

        var (status, injected) = await SignedApi.ControlAsync(host, Discrepancies, new { bill_date = Text(day), kind = "unknown", out_trade_no = outTradeNo, amount = 4321 });
        var line = Assert.Single(await BillAsync(day), line => line.OutTradeNo == outTradeNo);

        Assert.Equal(202, status);
        Assert.Equal(ChannelStatementLineType.Payment, line.Type);
        Assert.Equal(injected.GetProperty("transaction_id").GetString(), line.ChannelReference);
        Assert.Equal(Cny(4321), line.Amount);
    }

    [Fact]
    public async Task A_missing_payment_is_left_off_the_bill()
    {
        var (day, outTradeNo) = await InjectedAsync("missing");

        Assert.DoesNotContain(await BillAsync(day), line => line.OutTradeNo == outTradeNo);
    }

    [Fact]
    public async Task A_changed_amount_is_listed_instead_of_the_processed_one()
    {
        var (day, outTradeNo) = await InjectedAsync("amount", amount: 12345);

        Assert.Equal(Cny(12345), Assert.Single(await BillAsync(day), line => line.OutTradeNo == outTradeNo).Amount);
    }

    [Fact]
    public async Task A_changed_status_lists_the_payment_as_revoked()
    {
        var (day, outTradeNo) = await InjectedAsync("status");

        Assert.Equal(ChannelStatementLineType.Adjustment, Assert.Single(await BillAsync(day), line => line.OutTradeNo == outTradeNo).Type);
    }

    [Fact]
    public async Task A_changed_fee_is_listed_instead_of_the_rates()
    {
        var (day, outTradeNo) = await InjectedAsync("fee", fee: 99);

        Assert.Equal(Cny(99), Assert.Single(await BillAsync(day), line => line.OutTradeNo == outTradeNo).Fee);
    }

    [Fact]
    public async Task A_duplicated_line_is_listed_twice()
    {
        var (day, outTradeNo) = await InjectedAsync("duplicate");

        var lines = (await BillAsync(day)).Where(line => line.OutTradeNo == outTradeNo).ToList();

        Assert.Equal(2, lines.Count);
        Assert.Equal(lines[0], lines[1]);
    }

    [Fact]
    public async Task A_date_boundary_shift_moves_the_line_to_the_next_days_bill_at_its_midnight()
    {
        var (day, outTradeNo) = await InjectedAsync("date_shift");

        var next = day.AddDays(1);
        var shifted = Assert.Single(await BillAsync(next), line => line.OutTradeNo == outTradeNo);

        Assert.DoesNotContain(await BillAsync(day), line => line.OutTradeNo == outTradeNo);
        Assert.Equal(new DateTimeOffset(next.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), shifted.BookedAt);
    }

    [Fact]
    public async Task A_refund_line_can_be_changed_too()
    {
        var outTradeNo = await PaidOrderAsync(1000);
        await Channel.RefundAsync(
            new ChannelRefundRequest(outTradeNo, "R" + outTradeNo, Cny(300), Cny(1000), "商品已售完", new Uri("https://merchant.example/refunds")), CancellationToken.None);
        var day = Today();

        var (status, _) = await SignedApi.ControlAsync(host, Discrepancies, new { bill_date = Text(day), kind = "status", out_refund_no = "R" + outTradeNo });

        Assert.Equal(202, status);
        Assert.Equal(ChannelStatementLineType.Adjustment, Assert.Single(await BillAsync(day), line => line.OutRefundNo == "R" + outTradeNo).Type);
    }

    [Fact]
    public async Task A_tampered_download_is_refused_by_the_adapter()
    {
        await PaidOrderAsync(100);
        using var tampering = new AdapterAccount(host, network: new TamperingHandler());

        var refused = await Assert.ThrowsAsync<ChannelException>(() => tampering.Channel.DownloadStatementAsync(Today(), CancellationToken.None));

        Assert.Equal("STATEMENT_HASH_MISMATCH", refused.Code);
    }

    [Fact]
    public async Task Without_tar_type_the_bill_is_plain_its_answer_signed_and_its_download_unsigned_and_authenticated()
    {
        await PaidOrderAsync(100);

        var (status, answer) = await SignedApi.SendAsync(host, HttpMethod.Get, "/v3/bill/tradebill?bill_date=" + Text(Today()));
        var downloadUrl = new Uri(answer.GetProperty("download_url").GetString()!);
        using var download = await host.Client.SendAsync(host.Merchant.SignedRequest(HttpMethod.Get, downloadUrl.PathAndQuery));
        var file = await download.Content.ReadAsByteArrayAsync();
        using var anonymous = await host.Client.GetAsync(downloadUrl);

        Assert.Equal(200, status);
        Assert.Equal("SHA1", answer.GetProperty("hash_type").GetString());
        Assert.Equal(answer.GetProperty("hash_value").GetString(), Convert.ToHexStringLower(Sha1(file)));
        Assert.StartsWith("交易时间,", System.Text.Encoding.UTF8.GetString(file), StringComparison.Ordinal);
        Assert.False(download.Headers.Contains("Wechatpay-Signature"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("bill_date=2026-13-01")]
    [InlineData("bill_date=2026-03-01&bill_type=REFUND")]
    [InlineData("bill_date=2026-03-01&tar_type=ZIP")]
    [InlineData("bill_type=ALL")]
    public async Task A_bill_application_with_bad_parameters_is_PARAM_ERROR(string query)
    {
        var (status, answer) = await SignedApi.SendAsync(host, HttpMethod.Get, "/v3/bill/tradebill?" + query);

        Assert.Equal(400, status);
        Assert.Equal("PARAM_ERROR", answer.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"kind":"missing","out_trade_no":"T0000000000000000000001"}""")]
    [InlineData("""{"bill_date":"2026-02-30","kind":"missing","out_trade_no":"T0000000000000000000001"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"vanished","out_trade_no":"T0000000000000000000001"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"missing"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"missing","out_trade_no":"T0000000000000000000001","out_refund_no":"R1"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"missing","out_trade_no":"../../etc"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"amount","out_trade_no":"T0000000000000000000001","amount":0}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"missing","out_trade_no":"T0000000000000000000001","fee":1}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"unknown","out_refund_no":"R1"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"fee","out_trade_no":"T0000000000000000000001","fee":-9223372036854775808}""")]
    [InlineData("""{"bill_date":"2026-03-01",""")]
    [InlineData("")]
    public async Task A_malformed_discrepancy_is_a_400(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync(Discrepancies, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("INVALID_BODY", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_discrepancy_about_a_line_not_on_that_days_bill_is_a_404()
    {
        var outTradeNo = await PaidOrderAsync(100);

        var (status, answer) = await SignedApi.ControlAsync(host, Discrepancies, new { bill_date = Text(Today().AddDays(-3)), kind = "missing", out_trade_no = outTradeNo });

        Assert.Equal(404, status);
        Assert.Equal("LINE_NOT_ON_BILL", answer.GetProperty("code").GetString());
    }

    private async Task<(DateOnly Day, string OutTradeNo)> InjectedAsync(string kind, long? amount = null, long? fee = null)
    {
        var outTradeNo = await PaidOrderAsync(1000);
        var day = Today();
        var (status, _) = await SignedApi.ControlAsync(host, Discrepancies, new { bill_date = Text(day), kind, out_trade_no = outTradeNo, amount, fee });
        Assert.Equal(202, status);
        return (day, outTradeNo);
    }

    private async Task<List<ChannelStatementLine>> BillAsync(DateOnly day)
    {
        await using var statement = await Channel.DownloadStatementAsync(day, CancellationToken.None);
        var lines = new List<ChannelStatementLine>();
        await foreach (var line in new WeChatPayModule().ReadAsync(statement, CancellationToken.None))
        {
            lines.Add(line);
        }

        return lines;
    }

    private async Task<string> PaidOrderAsync(long total)
    {
        var outTradeNo = Prepay.NewOutTradeNo();
        await Channel.PrepayAsync(
            new PrepayRequest(outTradeNo, "wechat_pay.native", Cny(total), "Image形象店-深圳腾大-QQ公仔", DateTimeOffset.UtcNow.AddMinutes(30), new Uri("https://merchant.example/notify"), "order-42"),
            CancellationToken.None);
        using var pay = await Prepay.PayAsync(host, outTradeNo, new { notify = false });
        Assert.Equal(200, (int)pay.StatusCode);
        return outTradeNo;
    }

    private static DateOnly Today() => ChinaTime.DayOf(DateTimeOffset.UtcNow);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Money Cny(long fen) => new(fen, Currency.Cny);

    private static byte[] Sha1(byte[] bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        hash.AppendData(bytes);
        return hash.GetHashAndReset();
    }

    /// <summary>Changes one byte of every bill download on its way to the adapter, keeping it valid gzip.</summary>
    private sealed class TamperingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!request.RequestUri!.AbsolutePath.StartsWith("/v3/billdownload/", StringComparison.Ordinal))
            {
                return response;
            }

            using var plain = new MemoryStream();
            await using (var gunzip = new GZipStream(await response.Content.ReadAsStreamAsync(cancellationToken), CompressionMode.Decompress))
            {
                await gunzip.CopyToAsync(plain, cancellationToken);
            }

            var file = plain.ToArray();
            file[^5] ^= 1;
            using var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(file, cancellationToken);
            }

            response.Content = new ByteArrayContent(compressed.ToArray());
            return response;
        }
    }
}
