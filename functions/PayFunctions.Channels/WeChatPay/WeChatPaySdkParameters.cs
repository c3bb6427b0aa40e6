using System.Globalization;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// The parameters a payer's WeChat client needs to open the cashier for a prepay_id, signed SHA256withRSA with the
/// merchant key over one line per documented field, each ending in <c>\n</c>.
/// </summary>
internal static class WeChatPaySdkParameters
{
    /// <summary>The <c>signType</c> of JSAPI and mini-program payments under APIv3.</summary>
    public const string RsaSignType = "RSA";

    /// <summary>The fixed <c>package</c> of an App payment.</summary>
    public const string AppPackage = "Sign=WXPay";

    /// <summary>The JSAPI (<c>WeixinJSBridge getBrandWCPayRequest</c>) and mini-program (<c>wx.requestPayment</c>) parameters.</summary>
    public static IReadOnlyDictionary<string, string> ForJsapi(WeChatPayRequestSigner signer, string appId, string prepayId, long timestamp, string nonce)
    {
        var timeStamp = timestamp.ToString(CultureInfo.InvariantCulture);
        var package = "prepay_id=" + prepayId;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["appId"] = appId,
            ["timeStamp"] = timeStamp,
            ["nonceStr"] = nonce,
            ["package"] = package,
            ["signType"] = RsaSignType,
            ["paySign"] = signer.Sign(JsapiMessage(appId, timeStamp, nonce, package)),
        };
    }

    /// <summary>The App SDK (<c>PayReq</c>) parameters.</summary>
    public static IReadOnlyDictionary<string, string> ForApp(WeChatPayRequestSigner signer, string appId, string mchId, string prepayId, long timestamp, string nonce)
    {
        var timeStamp = timestamp.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["appid"] = appId,
            ["partnerid"] = mchId,
            ["prepayid"] = prepayId,
            ["package"] = AppPackage,
            ["noncestr"] = nonce,
            ["timestamp"] = timeStamp,
            ["sign"] = signer.Sign(AppMessage(appId, timeStamp, nonce, prepayId)),
        };
    }

    /// <summary>The JSAPI signing string: appId, timeStamp, nonceStr, package.</summary>
    public static string JsapiMessage(string appId, string timeStamp, string nonceStr, string package) =>
        $"{appId}\n{timeStamp}\n{nonceStr}\n{package}\n";

    /// <summary>The App signing string: appid, timestamp, noncestr, prepayid.</summary>
    public static string AppMessage(string appId, string timeStamp, string nonceStr, string prepayId) =>
        $"{appId}\n{timeStamp}\n{nonceStr}\n{prepayId}\n";
}
