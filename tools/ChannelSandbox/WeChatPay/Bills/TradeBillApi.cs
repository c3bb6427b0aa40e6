using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace ChannelSandbox.WeChatPay.Bills;

/// <summary>
/// "申请交易账单" (<c>GET /v3/bill/tradebill</c>, signed like every v3 answer) and "下载账单" (<c>GET /v3/billdownload/file</c>,
/// authenticated, answered unsigned): the ALL bill of any day, plain or gzipped, with the SHA1 of the uncompressed file.
/// </summary>
public static class TradeBillApi
{
    public const string DownloadPath = "/v3/billdownload/file";

    private const string Gzip = "GZIP";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void MapWeChatPayTradeBill(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v3/bill/tradebill", Apply);
        app.MapGet(DownloadPath, Download);
    }

    private static IResult Apply(HttpRequest request, TradeBills bills, PreparedBills prepared, TimeProvider time)
    {
        var query = request.Query;
        if (!DateOnly.TryParseExact(query["bill_date"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return WeChatPayError.Param("bill_date 格式应为 yyyy-MM-dd").ToResult();
        }

        if (query["bill_type"].ToString() is not ("" or "ALL"))
        {
            return WeChatPayError.Param("沙箱仅提供 bill_type=ALL 的交易账单").ToResult();
        }

        var tarType = query["tar_type"].ToString();
        if (tarType is not ("" or Gzip))
        {
            return WeChatPayError.Param("tar_type 仅可为 GZIP").ToResult();
        }

        var subMchId = query["sub_mchid"].ToString() is { Length: > 0 } sub ? sub : null;
        var file = Render(bills.Lines(day, subMchId));
        var token = prepared.Add(new PreparedBill(tarType == Gzip ? Compress(file) : file, time.GetUtcNow() + PreparedBills.Validity));
        var downloadUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{DownloadPath}?token={token}";

        // WeChat Pay's hash_type is SHA1, over the uncompressed file: an integrity check of the download, the answer itself is signed.
#pragma warning disable CA5350
        var hash = SHA1.HashData(file);
#pragma warning restore CA5350
        return Results.Json(
            new { hash_type = "SHA1", hash_value = Convert.ToHexStringLower(hash), download_url = downloadUrl },
            SandboxJson.Options);
    }

    private static IResult Download(HttpRequest request, PreparedBills prepared) =>
        prepared.Find(request.Query["token"].ToString()) is { } bill
            ? Results.Bytes(bill.Content, "application/octet-stream")
            : new WeChatPayError(StatusCodes.Status404NotFound, "RESOURCE_NOT_EXISTS", "账单下载地址无效或已过期").ToResult();

    private static byte[] Render(IReadOnlyList<TradeBillLine> lines)
    {
        var text = new StringBuilder();
        text.Append(TradeBillLine.Header).Append("\r\n");
        foreach (var line in lines)
        {
            text.Append(line.Render()).Append("\r\n");
        }

        text.Append(TradeBillLine.SummaryHeader).Append("\r\n");
        text.Append(TradeBillLine.RenderSummary(lines)).Append("\r\n");
        return Utf8.GetBytes(text.ToString());
    }

    private static byte[] Compress(byte[] file)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(file);
        }

        return compressed.ToArray();
    }
}
