namespace PayFunctions.Channels.UnionPay;

/// <summary>Non-secret settings of one UnionPay online-payment (ACP 5.1.0) merchant account, direct access (<c>accessType=0</c>).</summary>
public sealed class UnionPayOptions
{
    /// <summary>The gateway host; UnionPay's production gateway unless overridden (the test environment or the sandbox).</summary>
    public Uri BaseUrl { get; set; } = new("https://gateway.95516.com");

    /// <summary>
    /// Where the file transfer (文件传输, txnType 76) is sent: UnionPay's file host in production (the SDK's
    /// <c>acpsdk.fileTransUrl</c>), not the gateway.
    /// </summary>
    public Uri FileTransferUrl { get; set; } = new("https://filedownload.95516.com/");

    /// <summary>The merchant id (<c>merId</c>), 15 digits.</summary>
    public string MerId { get; set; } = string.Empty;

    /// <summary>The serial number, in decimal, of the merchant signing certificate whose key signs requests (<c>certId</c>).</summary>
    public string SignCertId { get; set; } = string.Empty;

    /// <summary>
    /// Where UnionPay posts the result of a same-day void (消费撤销), which the cancel call must name; usually the
    /// platform's <c>/api/notify/unionpay</c>. Without it the adapter cannot cancel a paid order.
    /// </summary>
    public Uri? BackUrl { get; set; }

    /// <summary>
    /// Also accept UnionPay's test-environment signing certificate, whose owner field reads <c>00040000:SIGN</c>
    /// instead of the company name (the SDK's <c>ifValidateCNName=false</c>). Never set in production.
    /// </summary>
    public bool AcceptTestSigningCertificate { get; set; }
}
