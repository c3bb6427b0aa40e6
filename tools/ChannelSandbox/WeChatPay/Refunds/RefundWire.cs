namespace ChannelSandbox.WeChatPay.Refunds;

/// <summary>A refund as <c>POST /v3/refund/domestic/refunds</c> and the refund query return it.</summary>
public sealed record RefundView(
    string RefundId,
    string OutRefundNo,
    string TransactionId,
    string OutTradeNo,
    string Channel,
    string UserReceivedAccount,
    string? SuccessTime,
    string CreateTime,
    string Status,
    string FundsAccount,
    RefundViewAmount Amount);

public sealed record RefundViewAmount(
    long Total,
    long Refund,
    long PayerTotal,
    long PayerRefund,
    long SettlementRefund,
    long SettlementTotal,
    long DiscountRefund,
    string Currency,
    long RefundFee);

/// <summary>
/// The decrypted resource of a refund notification: <c>refund_status</c>, and an amount block without currency; a
/// sub-merchant's refund carries sp_mchid and sub_mchid instead of mchid.
/// </summary>
public sealed record RefundNotice(
    string? Mchid,
    string OutTradeNo,
    string TransactionId,
    string OutRefundNo,
    string RefundId,
    string RefundStatus,
    string? SuccessTime,
    string UserReceivedAccount,
    RefundNoticeAmount Amount)
{
    public string? SpMchid { get; init; }

    public string? SubMchid { get; init; }
}

public sealed record RefundNoticeAmount(long Total, long Refund, long PayerTotal, long PayerRefund);
