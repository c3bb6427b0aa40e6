using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.UnionPay.Files;

/// <summary>
/// The file transfer (文件传输, txnType 76/01, fileType 00) at the root of the file host, as
/// <c>https://filedownload.95516.com/</c> takes it: the merchant's signed form in, a signed <c>k=v&amp;...</c> answer out
/// whose <c>fileContent</c> is the settlement date's file (Base64 of the zlib-compressed ZIP) and <c>fileName</c> its name.
/// The date is the one with the <c>settleDate</c> MMDD nearest today (China time); a date no year has is 98 (文件不存在).
/// </summary>
public static partial class FileTransferApi
{
    public static void MapUnionPayFileTransfer(this IEndpointRouteBuilder app) => app.MapPost("/", TransferAsync);

    private static async Task<IResult> TransferAsync(
        HttpRequest http, UnionPayMessages messages, ReconciliationFiles files, IOptions<UnionPayIdentity> identity, TimeProvider time)
    {
        var fields = await UnionPayMessages.ReadFormAsync(http);
        if (fields is null)
        {
            return Answer(messages, [], "10", "报文格式错误", null);
        }

        string[] required = ["version", "encoding", "signMethod", "txnType", "txnSubType", "bizType", "accessType", "merId", "settleDate", "txnTime", "fileType", "certId", "signature"];
        if (required.Any(name => string.IsNullOrEmpty(fields.GetValueOrDefault(name))))
        {
            return Answer(messages, fields, "13", "报文交易要素缺失", null);
        }

        if (fields["version"] != "5.1.0" || fields["signMethod"] != "01" || fields["encoding"] != "UTF-8")
        {
            return Answer(messages, fields, "10", "报文格式错误：version/signMethod/encoding", null);
        }

        if (!messages.IsSignedByMerchant(fields))
        {
            return Answer(messages, fields, "11", "验证签名失败", null);
        }

        if (fields["merId"] != identity.Value.MerId || fields["accessType"] != "0")
        {
            return Answer(messages, fields, "31", "商户状态不正确", null);
        }

        if (fields["txnType"] != "76" || fields["txnSubType"] != "01" || fields["bizType"] != "000000" || fields["fileType"] != "00"
            || !UnionPayGatewayApi.TxnTime().IsMatch(fields["txnTime"]) || !SettleDate().IsMatch(fields["settleDate"]))
        {
            return Answer(messages, fields, "10", "报文格式错误：txnType/txnSubType/bizType/fileType/settleDate", null);
        }

        if (Day(fields["settleDate"], ReconciliationFiles.DayOf(time.GetUtcNow())) is not { } day)
        {
            return Answer(messages, fields, "98", "文件不存在", null);
        }

        return Answer(messages, fields, "00", "成功[0000000]", new()
        {
            ["fileName"] = identity.Value.MerId + "_" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".zip",
            ["fileContent"] = Convert.ToBase64String(files.Compressed(day)),
        });
    }

    /// <summary>
    /// The date with month and day <paramref name="mmdd"/> nearest <paramref name="today"/> (last year's, this year's or next
    /// year's): a past day's file, today's so far, or a coming day's (empty but for lines shifted into it); null for a date no
    /// year has (0230).
    /// </summary>
    private static DateOnly? Day(string mmdd, DateOnly today)
    {
        DateOnly? nearest = null;
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            if (DateOnly.TryParseExact(year.ToString("D4", CultureInfo.InvariantCulture) + mmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && (nearest is null || Math.Abs(day.DayNumber - today.DayNumber) < Math.Abs(nearest.Value.DayNumber - today.DayNumber)))
            {
                nearest = day;
            }
        }

        return nearest;
    }

    private static IResult Answer(UnionPayMessages messages, Dictionary<string, string> request, string code, string message, Dictionary<string, string>? extra)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["version"] = "5.1.0",
            ["encoding"] = "UTF-8",
            ["signMethod"] = "01",
        };
        foreach (var echoed in new[] { "txnType", "txnSubType", "bizType", "accessType", "merId", "settleDate", "txnTime", "fileType" })
        {
            if (request.TryGetValue(echoed, out var value))
            {
                fields[echoed] = value;
            }
        }

        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }

        fields["respCode"] = code;
        fields["respMsg"] = message;
        return Results.Text(UnionPayMessages.AnswerText(messages.Sign(fields)), "text/plain", System.Text.Encoding.UTF8);
    }

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex SettleDate();
}
