using System.IO.Compression;
using PayFunctions.Channels.UnionPay;

namespace PayFunctions.Channels.Tests.UnionPay;

public sealed class StatementDownloadTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 3, 1);
    private static readonly string Payment =
        ReconciliationFiles.Line("01", "0301100100", 6000, "621603011001000000001", "pay0zzzzzzzzzzzzr4nd0mt41l00", "D000000000036");

    private readonly UnionPayTestAccount _account = new();

    [Fact]
    public async Task Sends_a_signed_file_transfer_to_the_file_host_and_returns_the_verified_decoded_ZIP()
    {
        var zip = ReconciliationFiles.Zip("260301", Payment);
        _account.Handler.Respond = (_, _) => Answer(Content(zip));

        await using var statement = await _account.Client.DownloadStatementAsync(Day, CancellationToken.None);

        var (_, fields) = Assert.Single(_account.Handler.Requests);
        Assert.Equal(new Uri("https://filedownload.test.95516.com/"), Assert.Single(_account.Handler.Addresses));
        Assert.True(UnionPaySide.IsSignedBy(fields, TestPki.Shared.MerchantKey));
        Assert.Equal(
            ("5.1.0", "UTF-8", "01", "76", "01", "000000", "0"),
            (fields["version"], fields["encoding"], fields["signMethod"], fields["txnType"], fields["txnSubType"], fields["bizType"], fields["accessType"]));
        Assert.Equal((UnionPayTestAccount.MerId, "0301", "00"), (fields["merId"], fields["settleDate"], fields["fileType"]));
        Assert.Equal((UnionPayTestAccount.SignCertId, PlatformIds.ChinaTime(TestPki.Now)), (fields["certId"], fields["txnTime"]));
        using var copy = new MemoryStream();
        await statement.CopyToAsync(copy);
        Assert.Equal(zip, copy.ToArray());
        copy.Position = 0;
        Assert.Equal("621603011001000000001", Assert.Single(await new UnionPayModule().ReadAsync(copy, CancellationToken.None).ToListAsync()).ChannelReference);
    }

    [Fact]
    public async Task An_answer_whose_fileContent_was_changed_is_refused()
    {
        _account.Handler.Respond = (_, _) => Answer(Content(ReconciliationFiles.Zip("260301", Payment)));
        _account.Handler.TamperField = "fileContent";

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.DownloadStatementAsync(Day, CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", error.Code);
    }

    [Fact]
    public async Task No_file_for_the_day_yet_is_a_transient_channel_exception()
    {
        _account.Handler.Respond = (_, _) => new() { ["respCode"] = "98", ["respMsg"] = "文件不存在" };

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.DownloadStatementAsync(Day, CancellationToken.None));

        Assert.Equal(("98", true), (error.Code, error.IsTransient));
    }

    [Theory]
    [InlineData("not base64", "STATEMENT_NOT_DECODABLE")]
    [InlineData("raw zip", "STATEMENT_NOT_DECODABLE")]
    [InlineData("not a zip", "STATEMENT_NOT_DECODABLE")]
    [InlineData("another day", "STATEMENT_WRONG_FILE")]
    [InlineData("another merchant", "STATEMENT_WRONG_FILE")]
    [InlineData("none", "RESPONSE_MALFORMED")]
    public async Task A_fileContent_that_is_not_the_days_compressed_ZIP_is_a_channel_exception(string damage, string code)
    {
        var zip = ReconciliationFiles.Zip("260301", Payment);
        var answer = damage switch
        {
            "not base64" => Answer("@@@@"),
            "raw zip" => Answer(Convert.ToBase64String(zip)),
            "not a zip" => Answer(Content("INN26030188ZM_777290058110048"u8.ToArray())),
            "another day" => Answer(Content(ReconciliationFiles.Zip("260228", Payment))),
            "another merchant" => Answer(Content(ReconciliationFiles.ZipWith("INN26030188ZM_777290058110049", Payment))),
            _ => new Dictionary<string, string> { ["respCode"] = "00", ["respMsg"] = "成功" },
        };
        _account.Handler.Respond = (_, _) => answer;

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.DownloadStatementAsync(Day, CancellationToken.None));

        Assert.Equal((code, false), (error.Code, error.IsTransient));
    }

    public void Dispose() => _account.Dispose();

    private static Dictionary<string, string> Answer(string content) => new()
    {
        ["respCode"] = "00",
        ["respMsg"] = "成功[0000000]",
        ["fileName"] = "777290058110048_20260301.zip",
        ["fileContent"] = content,
    };

    /// <summary>fileContent as UnionPay makes it: the ZIP, zlib-compressed, in Base64.</summary>
    private static string Content(byte[] zip)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(zip);
        }

        return Convert.ToBase64String(buffer.ToArray());
    }
}
