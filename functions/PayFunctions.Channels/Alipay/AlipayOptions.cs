namespace PayFunctions.Channels.Alipay;

/// <summary>Non-secret settings of one Alipay open-platform app (classic gateway, RSA2).</summary>
public sealed class AlipayOptions
{
    /// <summary>The documented production gateway.</summary>
    public static readonly Uri ProductionGateway = new("https://openapi.alipay.com/gateway.do");

    /// <summary>The gateway every call goes to and page/WAP payments redirect to; production unless overridden (e.g. the sandbox).</summary>
    public Uri BaseUrl { get; set; } = ProductionGateway;

    /// <summary>The documented host of production's bill downloads, which the bill address query names (not the gateway's).</summary>
    public static readonly Uri ProductionBillHost = new("https://dwbillcenter.alipay.com/");

    /// <summary>
    /// Besides the gateway's own origin, the only origin a <c>bill_download_url</c> is fetched from: the answer names the
    /// address and the adapter fetches it, so no other host, the platform's own network included, is ever asked.
    /// </summary>
    public Uri BillDownloadOrigin { get; set; } = ProductionBillHost;

    /// <summary>The app id (<c>app_id</c>) the orders are created under, e.g. "2021000000000001".</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>
    /// Certificate mode only: the SN of the app's public-key certificate, sent as <c>app_cert_sn</c>. Given directly,
    /// or computed from <c>AppCertificate</c> by the module.
    /// </summary>
    public string? AppCertSn { get; set; }

    /// <summary>
    /// Certificate mode only: the SN of Alipay's root certificate bundle, sent as <c>alipay_root_cert_sn</c>. Given
    /// directly, or computed from <c>AlipayRootCertificate</c> by the module.
    /// </summary>
    public string? AlipayRootCertSn { get; set; }
}
