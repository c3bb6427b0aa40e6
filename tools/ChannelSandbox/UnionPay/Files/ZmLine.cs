using System.Globalization;

namespace ChannelSandbox.UnionPay.Files;

/// <summary>
/// One line of the ZM entry (general transaction detail) of the merchant reconciliation file: 42 fixed-width fields, one
/// space between them, as 文件接口规范 6.1 lays them out (UnionPay's SDK demo, <c>parseZMFile</c>). Only the fields a
/// merchant reconciles by are filled; the others are blank, as for a merchant without sub-merchants or instalments.
/// </summary>
public sealed record ZmLine(string TxnType, DateTimeOffset BookedAt, long Amount, string QueryId, string OrderId, long Fee, string MerId, string? OrigQueryId)
{
    private static readonly int[] Widths =
        [3, 11, 11, 6, 10, 19, 12, 4, 2, 21, 2, 32, 2, 6, 10, 13, 13, 4, 15, 2, 2, 6, 2, 4, 32, 1, 21, 15, 1, 15, 32, 13, 13, 8, 32, 13, 13, 12, 2, 1, 32, 98];

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The sandbox's merchant rate: 0.6 %, whole fen, rounded half up.</summary>
    public static long FeeOf(long amount) => ((amount * 6) + 500) / 1000;

    /// <summary>The line's bytes as text (ASCII only, so one character is one byte).</summary>
    public string Format()
    {
        var fields = new string[Widths.Length];
        Array.Fill(fields, string.Empty);

        // 交易代码 is the clearing system's own code; the sandbox writes S22 for a consume, S30 for a refund and S31 for a void.
        fields[0] = TxnType switch { "04" => "S30", "31" => "S31", _ => "S22" };
        fields[1] = "00010000";
        fields[2] = "00010000";
        fields[3] = QueryId[^6..];
        fields[4] = BookedAt.ToOffset(ChinaOffset).ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        fields[6] = Amount.ToString("D12", CultureInfo.InvariantCulture);
        fields[9] = QueryId;
        fields[11] = OrderId;
        fields[15] = (Fee < 0 ? "C" : "D") + Math.Abs(Fee).ToString("D12", CultureInfo.InvariantCulture);
        fields[16] = (TxnType == "01" ? "C" : "D") + (Amount - Fee).ToString("D12", CultureInfo.InvariantCulture);
        fields[19] = TxnType;
        fields[20] = "00";
        fields[21] = "000000";
        fields[26] = OrigQueryId ?? string.Empty;
        fields[27] = MerId;
        return string.Join(' ', fields.Select((field, i) => field.PadRight(Widths[i])[..Widths[i]]));
    }
}
