namespace PayFunctions.Channels.WeChatPay;

/// <summary>The payment methods WeChat Pay serves, as merchants name them.</summary>
public static class WeChatPayMethods
{
    /// <summary>The payer scans a QR code (<c>code_url</c>) with WeChat.</summary>
    public const string Native = "wechat_pay.native";

    /// <summary>Inside WeChat's browser, on an official account's page; needs the payer's openid.</summary>
    public const string Jsapi = "wechat_pay.jsapi";

    /// <summary>Inside a mini-program; needs the payer's openid for the mini-program.</summary>
    public const string MiniProgram = "wechat_pay.mini_program";

    /// <summary>In a mobile browser outside WeChat (<c>h5_url</c>); needs the payer's IP address.</summary>
    public const string H5 = "wechat_pay.h5";

    /// <summary>In the merchant's mobile app, through the WeChat Open SDK.</summary>
    public const string App = "wechat_pay.app";

    /// <summary>At a till: the merchant scans the payment code on the payer's phone.</summary>
    public const string PaymentCode = "wechat_pay.payment_code";
}
