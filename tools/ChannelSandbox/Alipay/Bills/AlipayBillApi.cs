using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.Alipay.Bills;

/// <summary>
/// "查询对账单下载地址" (<c>alipay.data.dataservice.bill.downloadurl.query</c> through the gateway, signed like every answer) and
/// the address it names (<c>GET /dwbillcenter/downloadBillFile.resource</c>, unsigned): the trade bill of any day as a zip of
/// two GBK CSV files, <c>{pid}_{yyyyMMdd}_业务明细.csv</c> and <c>{pid}_{yyyyMMdd}_业务明细(汇总).csv</c>.
/// </summary>
public static class AlipayBillApi
{
    public const string Method = "alipay.data.dataservice.bill.downloadurl.query";

    public const string DownloadPath = "/dwbillcenter/downloadBillFile.resource";

    private static readonly Encoding Gbk = CreateGbk();

    public static void MapAlipayBill(this IEndpointRouteBuilder app) =>
        app.MapGet(DownloadPath, (HttpRequest request, AlipayPreparedBills prepared) =>
            prepared.Find(request.Query["token"].ToString()) is { } zip
                ? Results.Bytes(zip, "application/octet-stream")
                : Results.Text("下载超时，请重新下载", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound));

    /// <summary>The answer to the address query; bill_type trade only, a daily bill_date.</summary>
    public static Dictionary<string, object?> Query(JsonElement biz, HttpRequest request, IServiceProvider services, DateTimeOffset now)
    {
        var billType = biz.TryGetProperty("bill_type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        var billDate = biz.TryGetProperty("bill_date", out var date) && date.ValueKind == JsonValueKind.String ? date.GetString() : null;
        if (billType != "trade")
        {
            return AlipayGateway.BusinessFailed("isv.invalid-parameter", "沙箱仅提供 bill_type=trade 的账单");
        }

        if (!DateOnly.TryParseExact(billDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return AlipayGateway.BusinessFailed("isv.invalid-parameter", "bill_date 格式应为 yyyy-MM-dd");
        }

        var pid = services.GetRequiredService<IOptions<AlipaySandboxOptions>>().Value.SellerId;
        var zip = Zip(pid, day, services.GetRequiredService<AlipayBills>().Lines(day), now);
        var token = services.GetRequiredService<AlipayPreparedBills>().Add(zip, now);
        var userId = pid + "0156";
        var dates = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{DownloadPath}?bizType=trade&userId={userId}&fileType=csv.zip&bizDates={dates}"
            + $"&downloadFileName={userId}_{dates}.csv.zip&timestamp={now.ToUnixTimeMilliseconds()}&token={token}";
        return new Dictionary<string, object?> { ["code"] = "10000", ["msg"] = "Success", ["bill_download_url"] = url };
    }

    /// <summary>The zip as Alipay serves it, entries named in GBK (without the zip's UTF-8 flag).</summary>
    public static byte[] Zip(string pid, DateOnly day, IReadOnlyList<AlipayBillLine> lines, DateTimeOffset now)
    {
        var name = $"{pid}_{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}_业务明细";
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true, Gbk))
        {
            Add(archive, name + "(汇总).csv", Summary(pid, day, lines, now));
            Add(archive, name + ".csv", Detail(pid, day, lines, now));
        }

        return zip.ToArray();
    }

    private static Encoding CreateGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }

    private static void Add(ZipArchive archive, string name, string text)
    {
        using var entry = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(Gbk.GetBytes(text));
    }

    private static string Detail(string pid, DateOnly day, IReadOnlyList<AlipayBillLine> lines, DateTimeOffset now)
    {
        var text = Head("#支付宝业务明细查询", pid, day, "业务明细列表");
        text.Append(AlipayBillLine.Header).Append("\r\n");
        foreach (var line in lines)
        {
            text.Append(line.Render()).Append("\r\n");
        }

        var payments = lines.Where(line => !line.IsRefund).ToList();
        var refunds = lines.Where(line => line.IsRefund).ToList();
        text.Append("#-----------------------------------------业务明细列表结束------------------------------------\r\n")
            .Append(CultureInfo.InvariantCulture, $"#交易合计：{payments.Count}笔，商家实收共{AlipayBillLine.Yuan(payments.Sum(line => line.Amount))}元，商家优惠共0.00元\r\n")
            .Append(CultureInfo.InvariantCulture, $"#退款合计：{refunds.Count}笔，商家实收退款共{AlipayBillLine.Yuan(refunds.Sum(line => line.Amount))}元，商家优惠退款共0.00元\r\n")
            .Append(CultureInfo.InvariantCulture, $"#导出时间：[{ChineseTime(now)}]\r\n");
        return text.ToString();
    }

    private static string Summary(string pid, DateOnly day, IReadOnlyList<AlipayBillLine> lines, DateTimeOffset now)
    {
        var text = Head("#支付宝业务汇总查询", pid, day, "业务汇总列表");
        var payments = lines.Count(line => !line.IsRefund);
        var refunds = lines.Count(line => line.IsRefund);
        var amount = AlipayBillLine.Yuan(lines.Sum(line => line.Amount));
        var fee = AlipayBillLine.Yuan(lines.Sum(line => line.Fee));
        text.Append("门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）\r\n")
            .Append(CultureInfo.InvariantCulture, $"合计,,{payments},{refunds},{amount},{amount},0.00,0.00,0.00,{fee},0.00,{amount}\r\n")
            .Append("#-----------------------------------------业务汇总列表结束------------------------------------\r\n")
            .Append(CultureInfo.InvariantCulture, $"#导出时间：[{ChineseTime(now)}]\r\n");
        return text.ToString();
    }

    private static StringBuilder Head(string title, string pid, DateOnly day, string list) => new StringBuilder()
        .Append(title).Append("\r\n")
        .Append(CultureInfo.InvariantCulture, $"#账号：[{pid}0156]\r\n")
        .Append(CultureInfo.InvariantCulture, $"#起始日期：[{ChineseTime(ChinaTime.StartOf(day))}]   终止日期：[{ChineseTime(ChinaTime.StartOf(day.AddDays(1)))}]\r\n")
        .Append(CultureInfo.InvariantCulture, $"#-----------------------------------------{list}----------------------------------------\r\n");

    private static string ChineseTime(DateTimeOffset instant) =>
        instant.ToOffset(AlipayCrypto.Beijing).ToString("yyyy年MM月dd日 HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>The zips the address query built, each behind the token of its address until it expires.</summary>
public sealed class AlipayPreparedBills(TimeProvider time)
{
    /// <summary>How long an address works: Alipay's expire within seconds ("30秒内"); a minute leaves a slow test room.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (byte[] Zip, DateTimeOffset ExpiresAt)> _bills = new(StringComparer.Ordinal);

    public string Add(byte[] zip, DateTimeOffset now)
    {
        foreach (var (token, expired) in _bills.Where(entry => entry.Value.ExpiresAt <= now))
        {
            _bills.TryRemove(new KeyValuePair<string, (byte[], DateTimeOffset)>(token, expired));
        }

        var added = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        _bills[added] = (zip, now + Validity);
        return added;
    }

    public byte[]? Find(string token) =>
        _bills.TryGetValue(token, out var bill) && bill.ExpiresAt > time.GetUtcNow() ? bill.Zip : null;
}
