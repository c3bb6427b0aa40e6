using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChannelSandbox.Alipay.Bills;
using ChannelSandbox.Tests.WeChatPay;
using PayFunctions.Channels;
using PayFunctions.Channels.Alipay;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.Alipay;

/// <summary>The day's trade bill the sandbox serves, downloaded through the platform's adapter and read by its module.</summary>
public sealed class TradeBillTests(SandboxHost host) : IClassFixture<SandboxHost>, IDisposable
{
    private const string Discrepancies = "/sandbox/alipay/bill/discrepancies";
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private IPaymentChannel? _channel;

    private IPaymentChannel Channel => _channel ??= Create();

    public void Dispose()
    {
        (_channel as IDisposable)?.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task The_days_bill_lists_the_payments_and_the_refund_as_processed()
    {
        var before = Today();
        var first = await PaidOrderAsync(1999);
        var second = await PaidOrderAsync(500);
        await Channel.RefundAsync(
            new ChannelRefundRequest(first, "R" + first, Cny(700), Cny(1999), "商品已售完", new Uri("https://merchant.example/refunds")), CancellationToken.None);
        var paid = await Channel.QueryAsync(new ChannelOrderRef(first), CancellationToken.None);

        // Read every day the calls may have fallen on, should they straddle midnight in China.
        var lines = new List<ChannelStatementLine>();
        foreach (var day in new[] { before, Today() }.Distinct())
        {
            lines.AddRange(await BillAsync(day));
        }

        var payment = Assert.Single(lines, line => line is { Type: ChannelStatementLineType.Payment, OutTradeNo: var no } && no == first);
        Assert.Equal(Cny(1999), payment.Amount);
        Assert.Equal(Cny(12), payment.Fee);
        Assert.Equal(paid.PaidAt, payment.BookedAt);
        Assert.Equal(Beijing, payment.BookedAt.Offset);
        Assert.Equal(paid.ChannelTradeNo, payment.ChannelReference);
        Assert.Equal(Cny(500), Assert.Single(lines, line => line.OutTradeNo == second).Amount);
        var refunded = Assert.Single(lines, line => line.Type == ChannelStatementLineType.Refund && line.OutTradeNo == first);
        Assert.Equal(new ChannelStatementLine(ChannelStatementLineType.Refund, paid.ChannelTradeNo!, first, "R" + first, Cny(700), Cny(-4), refunded.BookedAt), refunded);
    }

    [Fact]
    public async Task The_zip_holds_the_detail_and_the_summary_named_for_the_merchant_and_the_day()
    {
        var merchant = new AlipayMerchant(host);
        var answer = await merchant.CallAsync(AlipayBillApi.Method, new { bill_type = "trade", bill_date = "2026-03-01" });
        using var download = await host.Client.GetAsync(new Uri(answer.Field("bill_download_url")!));
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync(), ZipArchiveMode.Read, false, CodePagesEncodingProvider.Instance.GetEncoding("GBK"));

        Assert.True(merchant.Verifies(answer));
        Assert.Equal("10000", answer.Code);
        Assert.Equal(["2088000000000001_20260301_业务明细(汇总).csv", "2088000000000001_20260301_业务明细.csv"], zip.Entries.Select(entry => entry.FullName).Order());
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
        Assert.Equal(injected.GetProperty("trade_no").GetString(), line.ChannelReference);
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
    public async Task A_changed_status_lists_an_unpaid_trade_as_paid()
    {
        var outTradeNo = "e" + Guid.NewGuid().ToString("N")[..20];
        await Channel.PrepayAsync(Order(outTradeNo, 800), CancellationToken.None);
        var day = Today();

        var (status, _) = await SignedApi.ControlAsync(host, Discrepancies, new { bill_date = Text(day), kind = "status", out_trade_no = outTradeNo });
        var line = Assert.Single(await BillAsync(day), line => line.OutTradeNo == outTradeNo);

        Assert.Equal(202, status);
        Assert.Equal(ChannelTradeState.NotPaid, (await Channel.QueryAsync(new ChannelOrderRef(outTradeNo), CancellationToken.None)).State);
        Assert.Equal((ChannelStatementLineType.Payment, Cny(800)), (line.Type, line.Amount));
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
        Assert.Equal(new DateTimeOffset(next.ToDateTime(TimeOnly.MinValue), Beijing), shifted.BookedAt);
    }

    [Fact]
    public async Task A_refund_line_can_be_changed_too()
    {
        var outTradeNo = await PaidOrderAsync(1000);
        await Channel.RefundAsync(
            new ChannelRefundRequest(outTradeNo, "R" + outTradeNo, Cny(300), Cny(1000), "商品已售完", new Uri("https://merchant.example/refunds")), CancellationToken.None);
        var day = Today();

        var (status, _) = await SignedApi.ControlAsync(host, Discrepancies, new { bill_date = Text(day), kind = "amount", out_request_no = "R" + outTradeNo, amount = 301 });

        Assert.Equal(202, status);
        Assert.Equal(Cny(301), Assert.Single(await BillAsync(day), line => line.OutRefundNo == "R" + outTradeNo).Amount);
    }

    [Theory]
    [InlineData("""{"kind":"missing","out_trade_no":"T0000000000000000000001"}""")]
    [InlineData("""{"bill_date":"2026-02-30","kind":"missing","out_trade_no":"T0000000000000000000001"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"vanished","out_trade_no":"T0000000000000000000001"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"missing"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"missing","out_trade_no":"T0000000000000000000001","out_request_no":"R1"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"missing","out_trade_no":"../../etc"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"amount","out_trade_no":"T0000000000000000000001","amount":0}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"missing","out_trade_no":"T0000000000000000000001","fee":1}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"unknown","out_request_no":"R1"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"status","out_request_no":"R1"}""")]
    [InlineData("""{"bill_date":"2026-03-01","kind":"fee","out_trade_no":"T0000000000000000000001","fee":-9223372036854775808}""")]
    [InlineData("""{"bill_date":"2026-03-01",""")]
    [InlineData("")]
    public async Task A_malformed_discrepancy_is_a_400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync(Discrepancies, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("INVALID_BODY", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_discrepancy_about_a_line_not_on_that_days_bill_is_a_404()
    {
        var outTradeNo = await PaidOrderAsync(100);

        var (missing, line) = await SignedApi.ControlAsync(host, Discrepancies, new { bill_date = Text(Today().AddDays(-3)), kind = "missing", out_trade_no = outTradeNo });
        var (status, paid) = await SignedApi.ControlAsync(host, Discrepancies, new { bill_date = Text(Today()), kind = "status", out_trade_no = outTradeNo });

        Assert.Equal((404, "LINE_NOT_ON_BILL"), (missing, line.GetProperty("code").GetString()));
        Assert.Equal((404, "TRADE_NOT_UNPAID"), (status, paid.GetProperty("code").GetString()));
    }

    private static Money Cny(long fen) => new(fen, Currency.Cny);

    private static DateOnly Today() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Beijing).DateTime);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static PrepayRequest Order(string outTradeNo, long fen) =>
        new(outTradeNo, AlipayClient.QrMethod, Cny(fen), "拿铁 Latte", DateTimeOffset.UtcNow.AddMinutes(30), new Uri("https://merchant.example/notify"), "order-7");

    private IPaymentChannel Create()
    {
        var module = new AlipayModule();
        var secrets = module.Capabilities.SecretNames.ToDictionary(name => name, name => host.Secret($"alipay-main-{name}"));
        var settings = new Dictionary<string, string> { ["AppId"] = AlipayMerchant.AppId, ["BaseUrl"] = new Uri(host.BaseAddress, "/gateway.do").AbsoluteUri };
        return module.Create(new ChannelAccount("main", settings, secrets), _http, TimeProvider.System);
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
        await foreach (var line in new AlipayModule().ReadAsync(statement, CancellationToken.None))
        {
            lines.Add(line);
        }

        return lines;
    }

    private async Task<string> PaidOrderAsync(long total)
    {
        var outTradeNo = "e" + Guid.NewGuid().ToString("N")[..20];
        await Channel.PrepayAsync(Order(outTradeNo, total), CancellationToken.None);
        using var pay = await host.Client.PostAsJsonAsync($"/sandbox/alipay/orders/{outTradeNo}/pay", new { notify = false });
        Assert.Equal(200, (int)pay.StatusCode);
        return outTradeNo;
    }
}
