namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// Whether the account is a direct merchant or a service provider (服务商) placing orders for one sub-merchant (子商户),
/// and the one place that knows how the two differ on the wire: the transaction paths, the identity fields of a
/// request body, the payer's openid field, and the identity a query answer or callback must carry. A service
/// provider's requests are still signed with its own merchant id and key.
/// </summary>
internal sealed class WeChatPayMerchantMode(WeChatPayOptions options)
{
    /// <summary>Whether orders are placed for a sub-merchant through the partner API.</summary>
    public bool IsPartner => options.SubMchId is not null;

    /// <summary>The prefix of the prepay, query, close and reverse paths.</summary>
    public string TransactionsPath => IsPartner ? "/v3/pay/partner/transactions" : "/v3/pay/transactions";

    /// <summary>The query string that names the merchant of an order query.</summary>
    public string OrderQuery => IsPartner
        ? "?sp_mchid=" + Uri.EscapeDataString(options.MchId) + "&sub_mchid=" + Uri.EscapeDataString(options.SubMchId!)
        : "?mchid=" + Uri.EscapeDataString(options.MchId);

    /// <summary>The query string of a refund query: the sub-merchant's, none for a direct merchant.</summary>
    public string RefundQuery => IsPartner ? "?sub_mchid=" + Uri.EscapeDataString(options.SubMchId!) : string.Empty;

    /// <summary>The <c>partnerid</c> an app hands the WeChat SDK: the order's merchant, i.e. the sub-merchant of a service provider.</summary>
    public string AppPartnerId => options.SubMchId ?? options.MchId;

    /// <summary>The sub-merchant a refund is for; null for a direct merchant.</summary>
    public string? RefundSubMchId => options.SubMchId;

    /// <summary>
    /// The identity fields of an order placed under <paramref name="appId"/>: <c>appid</c>/<c>mchid</c> for a direct
    /// merchant; for a service provider <c>sp_mchid</c>/<c>sub_mchid</c>, with the sub-merchant's own application as
    /// <c>sub_appid</c> and the provider's official account as <c>sp_appid</c>.
    /// </summary>
    public MerchantIdentity Identity(string appId) => IsPartner
        ? new MerchantIdentity
        {
            SpAppid = IsSubApp(appId) ? options.AppId : appId,
            SpMchid = options.MchId,
            SubAppid = options.SubAppId,
            SubMchid = options.SubMchId,
        }
        : new MerchantIdentity { AppId = appId, MchId = options.MchId };

    /// <summary>The identity fields of a close: the merchant ids only.</summary>
    public MerchantIdentity CloseIdentity() => IsPartner
        ? new MerchantIdentity { SpMchid = options.MchId, SubMchid = options.SubMchId }
        : new MerchantIdentity { MchId = options.MchId };

    /// <summary>
    /// The payer of a JSAPI or mini-program order: an openid is only meaningful under the application that issued it, so a
    /// service provider sends <c>sub_openid</c> for the sub-merchant's application and <c>sp_openid</c> for its own.
    /// </summary>
    public PrepayPayer Payer(string appId, string openid) =>
        !IsPartner ? new PrepayPayer { Openid = openid }
        : IsSubApp(appId) ? new PrepayPayer { SubOpenid = openid }
        : new PrepayPayer { SpOpenid = openid };

    /// <summary>Whether a transaction callback is this account's: merchant ids and application.</summary>
    public bool Owns(TransactionResource transaction) => IsPartner
        ? string.Equals(transaction.SpMchid, options.MchId, StringComparison.Ordinal)
            && string.Equals(transaction.SubMchid, options.SubMchId, StringComparison.Ordinal)
            && transaction.SpAppid is not null && options.AppIds().Contains(transaction.SpAppid, StringComparer.Ordinal)
        : string.Equals(transaction.MchId, options.MchId, StringComparison.Ordinal)
            && transaction.AppId is not null && options.AppIds().Contains(transaction.AppId, StringComparer.Ordinal);

    /// <summary>The application a transaction callback names: <c>sp_appid</c> for a service provider.</summary>
    public static string? AppIdOf(TransactionResource transaction) => transaction.AppId ?? transaction.SpAppid;

    /// <summary>Whether a refund callback is this account's.</summary>
    public bool Owns(RefundResource refund) => IsPartner
        ? string.Equals(refund.SpMchid, options.MchId, StringComparison.Ordinal) && string.Equals(refund.SubMchid, options.SubMchId, StringComparison.Ordinal)
        : string.Equals(refund.MchId, options.MchId, StringComparison.Ordinal);

    private bool IsSubApp(string appId) => string.Equals(appId, options.SubAppId, StringComparison.Ordinal);
}
