using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PayFunctions.Channels.Tests.WeChatPay;

public sealed partial class StatementDownloadTests : IDisposable
{
    private const string DownloadUrl = "https://api.mch.weixin.qq.com/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA";
    private static readonly byte[] File = Encoding.UTF8.GetBytes("交易时间,公众账号ID\r\n`2026-03-01 10:01:00,`wx8888888888888888\r\n");
    private readonly TestAccount _account = new();

    public void Dispose() => _account.Dispose();

    [Fact]
    public async Task Applies_for_the_days_gzipped_ALL_bill_then_fetches_it_signed_and_returns_it_uncompressed()
    {
        Serve(Sha1Hex(File), DownloadUrl, Gzip(File));

        await using var statement = await _account.Client.DownloadStatementAsync(new DateOnly(2026, 3, 1), CancellationToken.None);
        using var copy = new MemoryStream();
        await statement.CopyToAsync(copy);

        Assert.Equal(File, copy.ToArray());
        Assert.Equal(2, _account.Handler.Requests.Count);
        var apply = _account.Handler.Requests[0];
        Assert.Equal("GET https://api.mch.weixin.qq.com/v3/bill/tradebill?bill_date=2026-03-01&bill_type=ALL&tar_type=GZIP", $"{apply.Method} {apply.Uri.AbsoluteUri}");
        var download = _account.Handler.Requests[1];
        Assert.Equal(DownloadUrl, download.Uri.AbsoluteUri);

        // The download is signed like any APIv3 call, over the download_url's path and query.
        var fields = AuthorizationField().Matches(download.Headers["Authorization"]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var message = $"GET\n{new Uri(DownloadUrl).PathAndQuery}\n{fields["timestamp"]}\n{fields["nonce_str"]}\n\n";
        Assert.True(_account.MerchantKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(fields["signature"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task A_service_providers_account_asks_for_its_sub_merchants_bill()
    {
        using var partner = new TestAccount(options => options.SubMchId = "1900000110");
        partner.Handler.Respond = request => request.Uri.AbsolutePath == "/v3/bill/tradebill"
            ? new FakeAnswer(200, Answer(Sha1Hex(File), DownloadUrl))
            : new FakeAnswer(200, string.Empty) { Bytes = Gzip(File) };

        await using var statement = await partner.Client.DownloadStatementAsync(new DateOnly(2026, 3, 1), CancellationToken.None);

        Assert.EndsWith("&sub_mchid=1900000110", partner.Handler.Requests[0].Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_download_is_refused()
    {
        var tampered = (byte[])File.Clone();
        tampered[^3] ^= 1;
        Serve(Sha1Hex(File), DownloadUrl, Gzip(tampered));

        var refused = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.DownloadStatementAsync(new DateOnly(2026, 3, 1), CancellationToken.None));

        Assert.Equal("STATEMENT_HASH_MISMATCH", refused.Code);
        Assert.False(refused.IsTransient);
    }

    [Fact]
    public async Task The_digest_is_of_the_uncompressed_file_not_of_the_gzip()
    {
        var gzip = Gzip(File);
        Serve(Sha1Hex(gzip), DownloadUrl, gzip);

        var refused = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.DownloadStatementAsync(new DateOnly(2026, 3, 1), CancellationToken.None));

        Assert.Equal("STATEMENT_HASH_MISMATCH", refused.Code);
    }

    [Fact]
    public async Task A_download_that_is_not_gzip_is_refused()
    {
        Serve(Sha1Hex(File), DownloadUrl, File);

        var refused = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.DownloadStatementAsync(new DateOnly(2026, 3, 1), CancellationToken.None));

        Assert.Equal("STATEMENT_NOT_GZIP", refused.Code);
    }

    [Theory]
    [InlineData("https://attacker.example/v3/billdownload/file?token=x")]
    [InlineData("http://api.mch.weixin.qq.com/v3/billdownload/file?token=x")]
    [InlineData("https://api.mch.weixin.qq.com:8443/v3/billdownload/file?token=x")]
    [InlineData("https://user@api.mch.weixin.qq.com/v3/billdownload/file?token=x")]
    [InlineData("https://api.mch.weixin.qq.com.attacker.example/v3/billdownload/file?token=x")]
    [InlineData("https://api.mch.weixin.qq.com/internal/file?token=x")]
    [InlineData("/v3/billdownload/file?token=x")]
    [InlineData("file:///etc/passwd")]
    public async Task A_download_url_off_the_configured_API_origin_is_never_fetched(string downloadUrl)
    {
        Serve(Sha1Hex(File), downloadUrl, Gzip(File));

        var refused = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.DownloadStatementAsync(new DateOnly(2026, 3, 1), CancellationToken.None));

        Assert.Equal("RESPONSE_MALFORMED", refused.Code);
        Assert.Single(_account.Handler.Requests);
    }

    [Theory]
    [InlineData("""{"hash_value":"8823044c286bea726f149bfcfce0b0318122d755","download_url":"https://api.mch.weixin.qq.com/v3/billdownload/file?token=x"}""")]
    [InlineData("""{"hash_type":"MD5","hash_value":"8823044c286bea726f149bfcfce0b0318122d755","download_url":"https://api.mch.weixin.qq.com/v3/billdownload/file?token=x"}""")]
    [InlineData("""{"hash_type":"SHA1","hash_value":"8823044c286bea72","download_url":"https://api.mch.weixin.qq.com/v3/billdownload/file?token=x"}""")]
    [InlineData("""{"hash_type":"SHA1","hash_value":"zz23044c286bea726f149bfcfce0b0318122d755","download_url":"https://api.mch.weixin.qq.com/v3/billdownload/file?token=x"}""")]
    [InlineData("""{"hash_type":"SHA1","hash_value":"8823044c286bea726f149bfcfce0b0318122d755"}""")]
    public async Task An_answer_without_a_usable_hash_or_address_is_refused(string answer)
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, answer);

        var refused = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.DownloadStatementAsync(new DateOnly(2026, 3, 1), CancellationToken.None));

        Assert.Equal("RESPONSE_MALFORMED", refused.Code);
        Assert.Single(_account.Handler.Requests);
    }

    [Fact]
    public async Task A_day_without_a_bill_is_the_channels_refusal()
    {
        _account.Handler.Respond = _ => new FakeAnswer(400, """{"code":"NO_STATEMENT_EXIST","message":"账单文件不存在"}""");

        var refused = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.DownloadStatementAsync(new DateOnly(2026, 3, 1), CancellationToken.None));

        Assert.Equal("NO_STATEMENT_EXIST", refused.Code);
        Assert.False(refused.IsTransient);
    }

    private void Serve(string hashValue, string downloadUrl, byte[] download) =>
        _account.Handler.Respond = request => request.Uri.AbsolutePath == "/v3/bill/tradebill"
            ? new FakeAnswer(200, Answer(hashValue, downloadUrl))
            : new FakeAnswer(200, string.Empty) { Bytes = download };

    private static string Answer(string hashValue, string downloadUrl) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["hash_type"] = "SHA1", ["hash_value"] = hashValue, ["download_url"] = downloadUrl });

    private static string Sha1Hex(byte[] bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        hash.AppendData(bytes);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    [GeneratedRegex("([a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex AuthorizationField();
}
