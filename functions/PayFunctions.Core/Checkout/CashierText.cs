using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PayFunctions.Channels;

namespace PayFunctions.Core.Checkout;

/// <summary>The payer pages' words in Chinese and English: <c>?lang=</c> when given, else <c>Accept-Language</c>.</summary>
public sealed record CashierText(
    string Lang,
    string HtmlLang,
    string OtherLang,
    string OtherLangName,
    string Title,
    string ChooseMethod,
    string Continue,
    string Preparing,
    string ScanQr,
    string QrLabel,
    string Redirect,
    string RedirectHint,
    string Forwarding,
    string UseApp,
    string Waiting,
    string Succeeded,
    string Failed,
    string Expired,
    string Closed,
    string BackToMerchant,
    string NotFound,
    string NotFoundDetail,
    string MethodUnavailable,
    string NoAction,
    string EnterAmount,
    string AmountLabel,
    string AmountInvalid,
    string Pay,
    string StoreUnavailable)
{
    public static CashierText English { get; } = new(
        "en", "en", "zh", "中文",
        "Checkout", "Choose how to pay", "Continue", "Preparing your payment…",
        "Scan this QR code with the payment app to pay.", "Payment QR code",
        "Continue to pay", "You will leave this page to pay, then come back here.", "Taking you to the payment page…",
        "Open the {0} app to pay: this method works inside that app only.",
        "Waiting for your payment…", "Payment succeeded", "Payment failed", "Payment expired", "Payment cancelled",
        "Back to the merchant", "Page not found", "This payment link is not valid.",
        "This payment method cannot be used right now. Choose another one.",
        "Nothing to do here: this payment is completed at the till.",
        "Enter the amount", "Amount ({0})", "Enter an amount such as 12.50.", "Pay", "This store cannot take payments right now.")
    {
        PayInApp = "Pay with {0}",
        Identifying = "Confirming who is paying with {0}…",
        PayerNotIdentified = "{0} could not confirm who is paying. Please try again.",
        AuthorizationExpired = "This payment request has expired or is not valid. Please enter the amount again.",
        TransferHint = "Send a bank transfer of exactly this amount, quoting the reference, so that it reaches this payment.",
        TransferLabels = ["Account holder", "IBAN", "BIC", "Amount", "Reference"],
    };

    public static CashierText Chinese { get; } = new(
        "zh", "zh-CN", "en", "English",
        "收银台", "选择支付方式", "继续", "正在准备支付…",
        "请使用支付应用扫描二维码完成支付。", "支付二维码",
        "前往支付", "您将离开本页面完成支付，然后返回此处。", "正在前往支付页面…",
        "请在{0}应用内完成支付：此方式仅能在该应用中使用。",
        "正在等待支付结果…", "支付成功", "支付失败", "支付已过期", "支付已取消",
        "返回商户", "页面不存在", "该支付链接无效。",
        "该支付方式暂不可用，请选择其他方式。",
        "无需操作：此笔支付在收银台完成。",
        "请输入金额", "金额（{0}）", "请输入金额，例如 12.50。", "支付", "该门店暂时无法收款。")
    {
        PayInApp = "使用{0}支付",
        Identifying = "正在通过{0}确认付款人…",
        PayerNotIdentified = "{0}未能确认付款人身份，请重试。",
        AuthorizationExpired = "该支付请求已过期或无效，请重新输入金额。",
        TransferHint = "请按以下金额转账，并在附言中填写参考号，以便款项对应到本笔支付。",
        TransferLabels = ["收款人", "IBAN", "BIC", "金额", "参考号"],
    };

    /// <summary>The button that starts the payment in the wallet's own browser; {0} is the wallet.</summary>
    public string PayInApp { get; init; } = "";

    /// <summary>On the way to the wallet's OAuth; {0} is the wallet.</summary>
    public string Identifying { get; init; } = "";

    /// <summary>The wallet's OAuth did not give the payer's id; {0} is the wallet.</summary>
    public string PayerNotIdentified { get; init; } = "";

    /// <summary>A wallet's return with a state that is forged, for another store, or too old.</summary>
    public string AuthorizationExpired { get; init; } = "";

    /// <summary>What a payer paying by bank transfer does with the details shown.</summary>
    public string TransferHint { get; init; } = "";

    /// <summary>The labels of a bank transfer's details: account holder, IBAN, BIC, amount, reference.</summary>
    public IReadOnlyList<string> TransferLabels { get; init; } = [];

    public static CashierText For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = request.Query["lang"].ToString();
        if (asked is "zh" or "en")
        {
            return asked == "zh" ? Chinese : English;
        }

        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || l.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        return preferred?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? Chinese : English;
    }

    public static string Format(string template, string value) => string.Format(CultureInfo.InvariantCulture, template, value);

    /// <summary>What picking the method leads to, for its option on the page.</summary>
    public string Describe(NextActionType action) => (Lang, action) switch
    {
        ("zh", NextActionType.DisplayQrCode) => "扫码支付",
        ("zh", NextActionType.RedirectToUrl) => "跳转支付",
        ("zh", NextActionType.DisplayTransferInstructions) => "银行转账",
        ("zh", _) => "应用内支付",
        (_, NextActionType.DisplayQrCode) => "Scan a QR code",
        (_, NextActionType.RedirectToUrl) => "Pay on the provider's page",
        (_, NextActionType.DisplayTransferInstructions) => "Pay by bank transfer",
        _ => "Pay in the app",
    };
}
