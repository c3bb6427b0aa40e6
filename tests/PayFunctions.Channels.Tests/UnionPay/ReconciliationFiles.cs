using System.IO.Compression;
using System.Text;

namespace PayFunctions.Channels.Tests.UnionPay;

/// <summary>Reconciliation ZIPs laid out as 文件接口规范 6.1 has the ZM entry: 42 fixed-width fields, one space between them.</summary>
internal static class ReconciliationFiles
{
    public const string MerId = "777290058110048";

    public static readonly int[] Widths =
        [3, 11, 11, 6, 10, 19, 12, 4, 2, 21, 2, 32, 2, 6, 10, 13, 13, 4, 15, 2, 2, 6, 2, 4, 32, 1, 21, 15, 1, 15, 32, 13, 13, 8, 32, 13, 13, 12, 2, 1, 32, 98];

    /// <summary>A ZM line: 交易代码, 交易传输时间, 交易金额, 查询流水号, 商户订单号, 商户手续费, 交易类型 as given, the rest filled as UnionPay does.</summary>
    public static string Line(string txnType, string time, long fen, string queryId, string orderId, string fee)
    {
        var fields = new string[Widths.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = string.Empty;
        }

        fields[0] = txnType == "04" ? "S30" : "S22";
        fields[1] = "00010000";
        fields[2] = "00010000";
        fields[3] = "123456";
        fields[4] = time;
        fields[5] = "6216261000000000018";
        fields[6] = fen.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        fields[9] = queryId;
        fields[11] = orderId;
        fields[15] = fee;
        fields[16] = "C" + fen.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        fields[19] = txnType;
        fields[20] = "07";
        fields[21] = "000000";
        fields[27] = MerId;
        return string.Join(' ', fields.Select((field, i) => field.PadRight(Widths[i])));
    }

    /// <summary>The ZIP the file transfer delivers (after Base64 and inflate), with the ZM entry of <paramref name="settleDate"/> (yyMMdd).</summary>
    public static byte[] Zip(string settleDate, params string[] lines) => ZipWith("INN" + settleDate + "88ZM_" + MerId, string.Concat(lines.Select(line => line + "\r\n")));

    public static byte[] ZipWith(string entryName, string content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry(entryName).Open())
            {
                entry.Write(Encoding.Latin1.GetBytes(content));
            }

            // The file transfer's ZIP holds the day's other files too (errors, ZME); the reader looks for the ZM entry.
            zip.CreateEntry("INN260301" + "88ZME_" + MerId).Open().Dispose();
        }

        return buffer.ToArray();
    }
}
