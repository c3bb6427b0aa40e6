namespace PayFunctions.Channels.UnionPay;

/// <summary>The ACP <c>txnType</c>/<c>txnSubType</c> values the adapter sends and receives.</summary>
internal static class UnionPayTransactionTypes
{
    public const string Query = "00";
    public const string Consume = "01";
    public const string Refund = "04";
    public const string Void = "31";

    /// <summary>文件传输: the day's reconciliation file.</summary>
    public const string FileTransfer = "76";

    /// <summary>文件传输's only sub-type, 对账文件下载.</summary>
    public const string FileTransferSubType = "01";

    public const string DefaultSubType = "00";

    /// <summary>消费 by the payer's payment code scanned at the till (被扫).</summary>
    public const string PaymentCodeSubType = "06";

    /// <summary>申请消费二维码: a QR code the payer scans (主扫).</summary>
    public const string ApplyQrCodeSubType = "07";

    /// <summary>消费 on UnionPay's page, the payer's browser posting the merchant's signed form (网关支付).</summary>
    public const string GatewaySubType = "01";

    public const string BizType = "000000";

    /// <summary>The online gateway product (B2C 网关支付).</summary>
    public const string GatewayBizType = "000201";

    /// <summary>A PC browser, where the gateway's card page is laid out for a desktop.</summary>
    public const string PcChannel = "07";

    /// <summary>08 mobile; 07 would be a PC browser.</summary>
    public const string MobileChannel = "08";
}
