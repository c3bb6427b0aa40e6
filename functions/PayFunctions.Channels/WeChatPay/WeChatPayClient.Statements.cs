using System.Globalization;

namespace PayFunctions.Channels.WeChatPay;

// The daily trade bill: "申请交易账单" names where to fetch it and its digest, "下载账单" fetches it.
public sealed partial class WeChatPayClient
{
    private const string HashType = "SHA1";
    private const int Sha1HexLength = 40;

    /// <summary>
    /// Downloads the ALL trade bill of <paramref name="day"/> (a day of China Standard Time, as WeChat Pay cuts them)
    /// gzipped, and returns it uncompressed once its SHA1 matches the digest WeChat Pay signed; see
    /// <see cref="WeChatPayBillDownload"/>. A service provider's account asks for its sub-merchant's bill.
    /// </summary>
    public async Task<Stream> DownloadStatementAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var path = "/v3/bill/tradebill?bill_date=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "&bill_type=ALL&tar_type=GZIP"
            + (_options.SubMchId is { Length: > 0 } subMchId ? "&sub_mchid=" + Uri.EscapeDataString(subMchId) : string.Empty);
        var response = await _transport.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw WeChatPayTransport.ToChannelException(response);
        }

        var bill = WeChatPayTransport.ReadVerified<TradeBillResource>(response);
        if (!string.Equals(bill.HashType, HashType, StringComparison.OrdinalIgnoreCase))
        {
            throw Malformed($"The trade bill's hash_type is '{bill.HashType}', not {HashType}.", response);
        }

        if (bill.HashValue is not { Length: Sha1HexLength } hashValue || !hashValue.All(char.IsAsciiHexDigit))
        {
            throw Malformed("The trade bill's hash_value is not a SHA1 digest.", response);
        }

        var downloadUrl = DownloadUrl(bill.DownloadUrl) ?? throw Malformed("The trade bill's download_url is not an address of the configured API host.", response);
        return await WeChatPayBillDownload.FetchAsync(_transport, downloadUrl, Convert.FromHexString(hashValue), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The download_url when it is an APIv3 address on the configured API origin (https in production): the answer names the
    /// address, and the adapter signs a request to it, so an address elsewhere is never fetched. Uri has already resolved
    /// any dot segments, so the path prefix cannot be climbed out of.
    /// </summary>
    private Uri? DownloadUrl(string? text)
    {
        var origin = _options.BaseUrl;
        var apiRoot = origin.AbsolutePath.TrimEnd('/') + "/v3/";
        return ChannelUrls.TryParseHttpUrl(text, out var uri)
            && uri.Scheme == origin.Scheme
            && string.Equals(uri.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
            && uri.Port == origin.Port
            && uri.UserInfo.Length == 0
            && uri.Fragment.Length == 0
            && uri.AbsolutePath.StartsWith(apiRoot, StringComparison.Ordinal)
                ? uri
                : null;
    }
}
