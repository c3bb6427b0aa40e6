namespace PayFunctions.Channels.UnionPay;

/// <summary>ACP response codes (平台接入接口规范 第5部分 附录) as the adapter acts on them.</summary>
internal static class UnionPayResponseCodes
{
    public const string Success = "00";

    /// <summary>Partly successful (部分成功); the SDK demos treat it as success.</summary>
    public const string PartialSuccess = "A6";

    /// <summary>The same orderId and txnTime were sent before (重复交易).</summary>
    public const string Duplicate = "12";

    /// <summary>The original transaction was already refunded or voided (原交易已被成功退货或已被成功撤销).</summary>
    public const string AlreadyReversed = "45";

    /// <summary>No such transaction (查无此交易).</summary>
    public const string NotFound = "34";

    /// <summary>The file transfer has no file for that settlement date (yet): 文件不存在.</summary>
    public const string NoFile = "98";

    public static bool IsSuccess(string? code) => code is Success or PartialSuccess;

    /// <summary>03 timed out, 04 state unknown, 05 accepted, query later: the outcome is still to come.</summary>
    public static bool IsPending(string? code) => code is "03" or "04" or "05";

    /// <summary>System not open, busy, or queried too often: the request was not processed and may be retried.</summary>
    public static bool IsTransientRefusal(string? code) => code is "02" or "06" or "37";

    /// <summary>A fault of the request itself (format, signature, missing fields, merchant state, permission), not of the payer's card.</summary>
    public static bool IsRequestError(string? code) => code is "10" or "11" or "13" or "31" or "32" or "39" or "43";

    public static ChannelTradeState TradeStateOf(string? origRespCode) =>
        IsSuccess(origRespCode) ? ChannelTradeState.Succeeded
        : IsPending(origRespCode) ? ChannelTradeState.Paying
        : ChannelTradeState.Failed;

    public static ChannelRefundState RefundStateOf(string? origRespCode) =>
        IsSuccess(origRespCode) ? ChannelRefundState.Succeeded
        : IsPending(origRespCode) ? ChannelRefundState.Processing
        : ChannelRefundState.Failed;
}
