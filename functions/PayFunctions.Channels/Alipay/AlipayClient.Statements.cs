using System.Globalization;

namespace PayFunctions.Channels.Alipay;

// The daily trade bill: "查询对账单下载地址" (alipay.data.dataservice.bill.downloadurl.query) names where to fetch its zip.
public sealed partial class AlipayClient
{
    private const string BillDownloadUrlQuery = "alipay.data.dataservice.bill.downloadurl.query";

    /// <summary>
    /// Downloads the trade bill (bill_type trade: the payments and refunds made through the trade APIs) of
    /// <paramref name="day"/>, a day of China Standard Time as Alipay cuts them, and returns the 业务明细 file inside its zip;
    /// see <see cref="AlipayBillDownload"/>. The address query is signed and its answer verified like every gateway call.
    /// </summary>
    public async Task<Stream> DownloadStatementAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var biz = new Dictionary<string, object?>
        {
            ["bill_type"] = "trade",
            ["bill_date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var response = await CallAsync(BillDownloadUrlQuery, biz, null, cancellationToken).ConfigureAwait(false);
        if (response.Code != AlipayResponse.SuccessCode)
        {
            throw Refusal(response);
        }

        var downloadUrl = DownloadUrl(response.String("bill_download_url")) ?? throw Malformed("bill_download_url");
        return await AlipayBillDownload.FetchAsync(_httpClient, downloadUrl, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The bill_download_url when it is on the bill host's origin or the gateway's (scheme, host and port): the answer
    /// names the address and the adapter fetches it, so an address anywhere else, the platform's own network included,
    /// is never fetched.
    /// </summary>
    private Uri? DownloadUrl(string? text) =>
        ChannelUrls.TryParseHttpUrl(text, out var uri) && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0
        && (SameOrigin(uri, _options.BillDownloadOrigin) || SameOrigin(uri, _options.BaseUrl))
            ? uri
            : null;

    private static bool SameOrigin(Uri uri, Uri origin) =>
        uri.Scheme == origin.Scheme && string.Equals(uri.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase) && uri.Port == origin.Port;
}
