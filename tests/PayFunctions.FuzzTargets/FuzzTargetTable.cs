namespace PayFunctions.FuzzTargets;

/// <summary>
/// Every target with a single input of bytes, by name (the corpus folder's name). The CsCheck suite also fuzzes what
/// has more than one input (a callback's headers beside its body, generated clean documents) around these.
/// </summary>
public static class FuzzTargetTable
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
        [.. ApiTargets.All, MoneyTargets.Amounts, AnswerTargets.ChannelAnswers, .. StatementTargets.All, .. ScreeningTargets.All, .. ChannelTargets.All, ReportTargets.IpRegions];

    /// <summary>
    /// The targets the coverage-guided run takes when it is not told which: seventeen, nine rounds of 15 s on two cores,
    /// what CI can spare. They are the parsers whose code is most our own: the statement files, amounts, the channels'
    /// answers, each channel's payload behind its signature, and the two largest API bodies. The other bodies share the
    /// strict read of these two, and the WeChat Pay envelope has no corpus: its seeds are encrypted by the suite.
    /// </summary>
    public static IReadOnlyList<string> CoverageGuided { get; } =
    [
        "statement_paypal", "statement_stripe", "statement_alipay_plus", "statement_bank_transfer", "statement_wechat_pay", "statement_alipay",
        "statement_unionpay", "money_amounts", "channel_answers", "json_create_payment", "json_routing_policy", "wechat_pay_notification_signed",
        "alipay_notification_signed", "unionpay_notification_signed", "stripe_webhook_signed", "paypal_webhook_signed", "alipay_plus_notification_signed",
    ];

    public static FuzzTarget Named(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no fuzz target {name}", nameof(name));
}
