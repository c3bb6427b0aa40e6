using System.IO.Compression;
using System.Net;
using System.Text;
using PayFunctions.Channels.Alipay;
using PayFunctions.Channels.Tests.WeChatPay;

namespace PayFunctions.Channels.Tests.Alipay;

public sealed class StatementDownloadTests : IDisposable
{
    private const string Pid = "2088501624560335";
    private const string DownloadUrl =
        "https://openapi.example.com/dwbillcenter/downloadBillFile.resource?bizType=trade&userId=20885016245603350156&fileType=csv.zip&bizDates=20260301&downloadFileName=20885016245603350156_20260301.csv.zip&fileId=%2Ftrade%2F20885016245603350156%2F20260301.csv.zip&timestamp=1772416800&token=820b6b6a2a6b6ffb57f0a1de1bfb4d42";

    private static readonly DateOnly Day = new(2026, 3, 1);
    private static readonly byte[] Detail = Gbk("#支付宝业务明细查询\r\n#账号：[20885016245603350156]\r\n");
    private static readonly byte[] Summary = Gbk("#支付宝业务汇总查询\r\n");

    private readonly FakeAlipayGateway _gateway = new();
    private readonly HttpClient _http;
    private readonly AlipayClient _client;

    public StatementDownloadTests()
    {
        _http = new HttpClient(_gateway);
        _client = new AlipayClient(
            _http,
            new AlipayOptions { AppId = AlipayTestKeys.AppId, BaseUrl = new Uri("https://openapi.example.com/gateway.do") },
            new AlipayCredentials(AlipayTestKeys.AppPrivateKeyPem, AlipayTestKeys.AlipayPublicKeyPem),
            new FixedTimeProvider(AlipayTestKeys.Now));
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _gateway.Dispose();
    }

    [Fact]
    public async Task Queries_the_days_trade_bill_address_signed_then_returns_the_detail_file_of_its_zip()
    {
        Serve(DownloadUrl, Zip(($"{Pid}_20260301_业务明细(汇总).csv", Summary), ($"{Pid}_20260301_业务明细.csv", Detail)));

        await using var statement = await _client.DownloadStatementAsync(Day, CancellationToken.None);
        using var copy = new MemoryStream();
        await statement.CopyToAsync(copy);

        Assert.Equal(Detail, copy.ToArray());
        var call = Assert.Single(_gateway.Calls);
        Assert.Equal("alipay.data.dataservice.bill.downloadurl.query", call.Method);
        Assert.Equal("trade", call.Biz.GetProperty("bill_type").GetString());
        Assert.Equal("2026-03-01", call.Biz.GetProperty("bill_date").GetString());
        Assert.True(AlipaySignature.Verify(AlipayTestKeys.App, AlipaySignature.RequestContent(call.Parameters), call.Parameters["sign"]));
        Assert.Equal(DownloadUrl, Assert.Single(_gateway.Downloads).AbsoluteUri);
    }

    [Fact]
    public async Task An_address_on_productions_bill_host_is_fetched()
    {
        const string production = "https://dwbillcenter.alipay.com/downloadBillFile.resource?bizType=trade&userId=20885016245603350156&token=1";
        Serve(production, Zip(($"{Pid}_20260301_业务明细.csv", Detail)));

        await using var statement = await _client.DownloadStatementAsync(Day, CancellationToken.None);

        Assert.Equal(production, Assert.Single(_gateway.Downloads).AbsoluteUri);
    }

    [Fact]
    public async Task An_answer_whose_signature_fails_is_refused_before_anything_is_fetched()
    {
        Serve(DownloadUrl, Zip(($"{Pid}_20260301_业务明细.csv", Detail)));
        var answer = Answer(DownloadUrl);
        _gateway.Respond = _ => new GatewayAnswer(answer) { SignedText = answer.Replace("trade", "fund", StringComparison.Ordinal) };

        var refused = await Assert.ThrowsAsync<ChannelException>(() => _client.DownloadStatementAsync(Day, CancellationToken.None));

        Assert.Equal(AlipayClient.ResponseSignatureInvalid, refused.Code);
        Assert.Empty(_gateway.Downloads);
    }

    [Theory]
    [InlineData("https://dwbillcenter.example.net/downloadBillFile.resource?token=1")]
    [InlineData("http://dwbillcenter.alipay.com/downloadBillFile.resource?token=1")]
    [InlineData("https://dwbillcenter.alipay.com.evil.example/downloadBillFile.resource?token=1")]
    [InlineData("http://openapi.example.com/downloadBillFile.resource?token=1")]
    [InlineData("https://openapi.example.com:8443/downloadBillFile.resource?token=1")]
    [InlineData("https://openapi.example.com.evil.example/downloadBillFile.resource?token=1")]
    [InlineData("https://user@openapi.example.com/downloadBillFile.resource?token=1")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/downloadBillFile.resource?token=1")]
    public async Task A_download_url_off_the_bill_hosts_and_the_gateways_origins_is_never_fetched(string downloadUrl)
    {
        Serve(downloadUrl, Zip(($"{Pid}_20260301_业务明细.csv", Detail)));

        var refused = await Assert.ThrowsAsync<ChannelException>(() => _client.DownloadStatementAsync(Day, CancellationToken.None));

        Assert.Equal(AlipayClient.ResponseMalformed, refused.Code);
        Assert.Empty(_gateway.Downloads);
    }

    [Fact]
    public async Task A_zip_without_the_detail_file_or_with_two_is_refused()
    {
        Serve(DownloadUrl, Zip(($"{Pid}_20260301_业务明细(汇总).csv", Summary)));
        var none = await Assert.ThrowsAsync<ChannelException>(() => _client.DownloadStatementAsync(Day, CancellationToken.None));

        Serve(DownloadUrl, Zip(($"{Pid}_20260301_业务明细.csv", Detail), ($"other/{Pid}_20260301_业务明细.csv", Summary)));
        var two = await Assert.ThrowsAsync<ChannelException>(() => _client.DownloadStatementAsync(Day, CancellationToken.None));

        Assert.Equal(AlipayBillDownload.NoDetail, none.Code);
        Assert.Equal(AlipayBillDownload.NoDetail, two.Code);
    }

    [Fact]
    public async Task A_download_that_is_not_a_zip_or_is_damaged_is_refused()
    {
        Serve(DownloadUrl, Detail);
        var notZip = await Assert.ThrowsAsync<ChannelException>(() => _client.DownloadStatementAsync(Day, CancellationToken.None));

        var damaged = Zip(($"{Pid}_20260301_业务明细.csv", Gbk(string.Concat(Enumerable.Repeat("2026030122001458860515315453\t,S1\t,交易\t\r\n", 200)))));
        var data = 30 + BitConverter.ToUInt16(damaged, 26) + BitConverter.ToUInt16(damaged, 28);
        damaged[data + 2] ^= 0x55;
        Serve(DownloadUrl, damaged);
        var corrupt = await Assert.ThrowsAsync<ChannelException>(() => _client.DownloadStatementAsync(Day, CancellationToken.None));

        Serve(DownloadUrl, damaged[..(damaged.Length / 2)]);
        var cut = await Assert.ThrowsAsync<ChannelException>(() => _client.DownloadStatementAsync(Day, CancellationToken.None));

        Assert.Equal(AlipayBillDownload.NotZip, notZip.Code);
        Assert.Equal(AlipayBillDownload.NotZip, corrupt.Code);
        Assert.Equal(AlipayBillDownload.NotZip, cut.Code);
    }

    [Fact]
    public async Task A_failed_download_is_a_channel_error()
    {
        _gateway.Respond = _ => new GatewayAnswer(Answer(DownloadUrl));
        _gateway.Download = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        var refused = await Assert.ThrowsAsync<ChannelException>(() => _client.DownloadStatementAsync(Day, CancellationToken.None));

        Assert.True(refused.IsTransient);
    }

    [Fact]
    public async Task A_day_without_a_bill_is_the_channels_refusal()
    {
        _gateway.Respond = _ => new GatewayAnswer("""{"code":"40004","msg":"Business Failed","sub_code":"isp.bill_not_exist","sub_msg":"账单不存在"}""");

        var refused = await Assert.ThrowsAsync<ChannelException>(() => _client.DownloadStatementAsync(Day, CancellationToken.None));

        Assert.Equal("isp.bill_not_exist", refused.Code);
        Assert.Empty(_gateway.Downloads);
    }

    private static string Answer(string downloadUrl) =>
        $$"""{"code":"10000","msg":"Success","bill_download_url":"{{downloadUrl.Replace("/", "\\/", StringComparison.Ordinal)}}"}""";

    private static byte[] Gbk(string text) => AlipayTradeBill.Gbk.GetBytes(text);

    // Alipay's zips name their entries in GBK, without the UTF-8 flag.
    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true, AlipayTradeBill.Gbk))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return zip.ToArray();
    }

    private void Serve(string downloadUrl, byte[] file)
    {
        _gateway.Respond = _ => new GatewayAnswer(Answer(downloadUrl));
        _gateway.Download = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(file) };
    }
}
