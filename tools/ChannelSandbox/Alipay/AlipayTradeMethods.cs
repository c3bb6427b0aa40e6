using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.Alipay;

/// <summary>The <c>alipay.trade.*</c> methods behind the gateway, once the call is authenticated.</summary>
public static partial class AlipayTradeMethods
{
    public static Dictionary<string, object?> Handle(string method, JsonElement biz, IReadOnlyDictionary<string, string> common, IServiceProvider services, DateTimeOffset now)
    {
        var context = new Context(
            services.GetRequiredService<AlipayTradeStore>(),
            services.GetRequiredService<AlipayNotificationFactory>(),
            services.GetRequiredService<AlipayNotificationQueue>(),
            services.GetRequiredService<AlipayFaults>(),
            services.GetRequiredService<IOptions<AlipaySandboxOptions>>().Value,
            now);
        return method switch
        {
            "alipay.trade.precreate" => Precreate(biz, common, context),
            "alipay.trade.pay" => Pay(biz, common, context),
            "alipay.trade.query" => Query(biz, context),
            "alipay.trade.close" => Close(biz, context),
            "alipay.trade.cancel" => Cancel(biz, context),
            "alipay.trade.refund" => Refund(biz, context),
            "alipay.trade.fastpay.refund.query" => RefundQuery(biz, context),
            _ => AlipayGateway.Error("40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名"),
        };
    }

    /// <summary>Reads the terms common to precreate, pay, page and WAP pay; a message when they are unusable.</summary>
    public static string? ReadTerms(JsonElement biz, IReadOnlyDictionary<string, string> common, string product, DateTimeOffset now, out TradeTerms? terms)
    {
        terms = null;
        var outTradeNo = Text(biz, "out_trade_no");
        if (outTradeNo is null || !OutTradeNo().IsMatch(outTradeNo))
        {
            return "out_trade_no 必填，1 到 64 位字母、数字、下划线";
        }

        if (!AlipayCrypto.TryParseYuan(Text(biz, "total_amount"), out var fen))
        {
            return "total_amount 取值范围 [0.01,100000000]，最多两位小数";
        }

        var subject = Text(biz, "subject");
        if (string.IsNullOrEmpty(subject) || subject.Length > 256)
        {
            return "subject 必填，最长 256 个字符";
        }

        DateTimeOffset? timeExpire = null;
        if (Text(biz, "time_expire") is { } expire)
        {
            if (!AlipayCrypto.TryParseTime(expire, out var parsed) || parsed <= now)
            {
                return "time_expire 格式为 yyyy-MM-dd HH:mm:ss，且须晚于当前时间";
            }

            timeExpire = parsed;
        }

        var notifyUrl = common.GetValueOrDefault("notify_url");
        if (!string.IsNullOrEmpty(notifyUrl) && !(Uri.TryCreate(notifyUrl, UriKind.Absolute, out var notify) && notify.Scheme is "http" or "https"))
        {
            return "notify_url 须为 http(s) 绝对地址";
        }

        terms = new TradeTerms(outTradeNo, product, fen, subject, string.IsNullOrEmpty(notifyUrl) ? null : notifyUrl, common.GetValueOrDefault("return_url"), timeExpire, Text(biz, "passback_params"));
        return null;
    }

    private static Dictionary<string, object?> Precreate(JsonElement biz, IReadOnlyDictionary<string, string> common, Context context)
    {
        if (ReadTerms(biz, common, "FACE_TO_FACE_PAYMENT", context.Now, out var terms) is { } invalid)
        {
            return AlipayGateway.BusinessFailed("ACQ.INVALID_PARAMETER", "参数无效: " + invalid);
        }

        var trade = context.Trades.GetOrAdd(terms!, context.Now, out _);
        if (trade.Terms != terms)
        {
            return AlipayGateway.BusinessFailed("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
        }

        trade.Touch(context.Now);
        return trade.Status switch
        {
            "TRADE_SUCCESS" => AlipayGateway.BusinessFailed("ACQ.TRADE_HAS_SUCCESS", "交易已被支付"),
            "TRADE_CLOSED" => AlipayGateway.BusinessFailed("ACQ.TRADE_HAS_CLOSE", "交易已经关闭"),
            _ => Success(new() { ["out_trade_no"] = trade.Terms.OutTradeNo, ["qr_code"] = trade.QrCode }),
        };
    }

    private static Dictionary<string, object?> Pay(JsonElement biz, IReadOnlyDictionary<string, string> common, Context context)
    {
        if (Text(biz, "scene") is not ("bar_code" or "security_code"))
        {
            return AlipayGateway.BusinessFailed("ACQ.INVALID_PARAMETER", "参数无效: scene 须为 bar_code");
        }

        if (ReadTerms(biz, common, "FACE_TO_FACE_PAYMENT", context.Now, out var terms) is { } invalid)
        {
            return AlipayGateway.BusinessFailed("ACQ.INVALID_PARAMETER", "参数无效: " + invalid);
        }

        if (Text(biz, "auth_code") is not { } authCode || !PaymentCode().IsMatch(authCode))
        {
            return AlipayGateway.BusinessFailed("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款");
        }

        var existing = context.Trades.Find(terms!.OutTradeNo);
        if (existing is null && context.Faults.Take("alipay.trade.pay", "balance_not_enough") is not null)
        {
            return AlipayGateway.BusinessFailed("ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足");
        }

        var trade = existing ?? context.Trades.GetOrAdd(terms, context.Now, out _);
        if (trade.Terms != terms)
        {
            return AlipayGateway.BusinessFailed("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
        }

        trade.Touch(context.Now);
        switch (trade.Status)
        {
            case "TRADE_SUCCESS":
                return AlipayGateway.BusinessFailed("ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
            case "TRADE_CLOSED":
                return AlipayGateway.BusinessFailed("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
        }

        if (trade.Visible || context.Faults.Take("alipay.trade.pay", "user_paying") is not null)
        {
            // The payer has to confirm on the phone (password, large amount): the trade waits.
            trade.Scan(context.Now);
            var waiting = TradeFields(trade, includePayment: false);
            waiting["code"] = "10003";
            waiting["msg"] = " order success pay inprocess";
            return Reorder(waiting);
        }

        trade.Pay(context.Now, context.Factory.Create);
        Notify(trade, context, "payment");
        var answer = TradeFields(trade, includePayment: true);
        answer["gmt_payment"] = AlipayCrypto.Time(trade.PaidAt!.Value);
        answer.Remove("send_pay_date");
        answer.Remove("trade_status");
        return Success(answer);
    }

    private static Dictionary<string, object?> Query(JsonElement biz, Context context)
    {
        var trade = Find(biz, context);
        if (trade is null)
        {
            return TradeNotExist();
        }

        trade.Touch(context.Now);
        if (!trade.Visible)
        {
            return TradeNotExist();
        }

        // A query answers the fund channels only when query_options asks for them, as alipay.trade.query documents.
        var answer = TradeFields(trade, includePayment: trade.PaidAt is not null);
        if (!Asks(biz, "fund_bill_list"))
        {
            answer.Remove("fund_bill_list");
        }

        return Success(answer);
    }

    private static Dictionary<string, object?> Close(JsonElement biz, Context context)
    {
        var trade = Find(biz, context);
        if (trade is null)
        {
            return TradeNotExist();
        }

        return trade.Close(context.Now, context.Factory.Create, out _) switch
        {
            TradeOutcome.NotExist => TradeNotExist(),
            TradeOutcome.StatusError => AlipayGateway.BusinessFailed("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"),
            _ => Success(new() { ["trade_no"] = trade.TradeNo, ["out_trade_no"] = trade.Terms.OutTradeNo }, then: () => Notify(trade, context, "close")),
        };
    }

    private static Dictionary<string, object?> Cancel(JsonElement biz, Context context)
    {
        var trade = Find(biz, context);
        if (trade is null)
        {
            // Alipay answers an unknown trade with success and no action.
            return Success(new() { ["out_trade_no"] = Text(biz, "out_trade_no"), ["retry_flag"] = "N" });
        }

        var action = trade.Cancel(context.Now);
        return Success(new()
        {
            ["trade_no"] = trade.TradeNo,
            ["out_trade_no"] = trade.Terms.OutTradeNo,
            ["retry_flag"] = "N",
            ["action"] = action,
            ["gmt_refund_pay"] = action == "refund" ? AlipayCrypto.Time(context.Now) : null,
        });
    }

    private static Dictionary<string, object?> Refund(JsonElement biz, Context context)
    {
        if (!AlipayCrypto.TryParseYuan(Text(biz, "refund_amount"), out var fen))
        {
            return AlipayGateway.BusinessFailed("ACQ.INVALID_PARAMETER", "参数无效: refund_amount");
        }

        var trade = Find(biz, context);
        if (trade is null)
        {
            return TradeNotExist();
        }

        var outRequestNo = Text(biz, "out_request_no") ?? trade.Terms.OutTradeNo;
        var outcome = trade.Refund(outRequestNo, fen, context.Now, context.Factory.Create, out var refund, out _);
        switch (outcome)
        {
            case TradeOutcome.NotExist:
                return TradeNotExist();
            case TradeOutcome.StatusError:
                return AlipayGateway.BusinessFailed("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
            case TradeOutcome.AmountExceeded:
                return AlipayGateway.BusinessFailed("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
            case TradeOutcome.Discordant:
                return AlipayGateway.BusinessFailed("ACQ.DISCORDANT_REPEAT_REQUEST", "比较和原始请求不一致，请检查业务参数");
        }

        if (outcome == TradeOutcome.Done)
        {
            Notify(trade, context, "refund");
        }

        return Success(new()
        {
            ["trade_no"] = trade.TradeNo,
            ["out_trade_no"] = trade.Terms.OutTradeNo,
            ["buyer_logon_id"] = "159****5620",
            // Y only when this very call moved money: a repeat of the same out_request_no answers N.
            ["fund_change"] = outcome == TradeOutcome.Done ? "Y" : "N",
            ["refund_fee"] = AlipayCrypto.Yuan(trade.RefundedFen),
            ["gmt_refund_pay"] = AlipayCrypto.Time(refund!.At),
            ["buyer_user_id"] = trade.BuyerId,
            ["send_back_fee"] = AlipayCrypto.Yuan(refund.Fen),
        });
    }

    private static Dictionary<string, object?> RefundQuery(JsonElement biz, Context context)
    {
        var trade = Find(biz, context);
        if (trade is null || !trade.Visible)
        {
            return TradeNotExist();
        }

        var outRequestNo = Text(biz, "out_request_no");
        if (string.IsNullOrEmpty(outRequestNo))
        {
            return AlipayGateway.BusinessFailed("ACQ.INVALID_PARAMETER", "参数无效: out_request_no 必填");
        }

        // An unknown refund is a success with no refund data, as documented.
        if (trade.FindRefund(outRequestNo) is not { } refund)
        {
            return Success([]);
        }

        var withTime = Asks(biz, "gmt_refund_pay");
        return Success(new()
        {
            ["trade_no"] = trade.TradeNo,
            ["out_trade_no"] = trade.Terms.OutTradeNo,
            ["out_request_no"] = refund.OutRequestNo,
            ["total_amount"] = AlipayCrypto.Yuan(trade.Terms.TotalFen),
            ["refund_amount"] = AlipayCrypto.Yuan(refund.Fen),
            ["refund_status"] = "REFUND_SUCCESS",
            ["gmt_refund_pay"] = withTime ? AlipayCrypto.Time(refund.At) : null,
        });
    }

    public static void Notify(AlipayTrade trade, Context context, string kind) => Notify(trade, context.Queue, context.Now, kind);

    public static void Notify(AlipayTrade trade, AlipayNotificationQueue queue, DateTimeOffset now, string kind)
    {
        if (trade.Terms.NotifyUrl is not null && trade.Notifications().LastOrDefault(n => n.Kind == kind) is { } notification)
        {
            queue.Enqueue(new AlipayNotificationJob(trade, notification, now, kind, RetriesDone: 0));
        }
    }

    private static Dictionary<string, object?> TradeFields(AlipayTrade trade, bool includePayment)
    {
        var total = AlipayCrypto.Yuan(trade.Terms.TotalFen);
        return new Dictionary<string, object?>
        {
            ["trade_no"] = trade.TradeNo,
            ["out_trade_no"] = trade.Terms.OutTradeNo,
            ["buyer_logon_id"] = "159****5620",
            ["trade_status"] = trade.Status,
            ["total_amount"] = total,
            ["buyer_pay_amount"] = includePayment ? total : null,
            ["point_amount"] = includePayment ? "0.00" : null,
            ["invoice_amount"] = includePayment ? total : null,
            ["send_pay_date"] = trade.PaidAt is { } paidAt ? AlipayCrypto.Time(paidAt) : null,
            ["receipt_amount"] = includePayment ? total : null,
            ["fund_bill_list"] = includePayment ? new[] { new Dictionary<string, string> { ["fund_channel"] = "ALIPAYACCOUNT", ["amount"] = total } } : null,
            ["buyer_user_id"] = trade.BuyerId,
            ["subject"] = trade.Terms.Subject,
        };
    }

    /// <summary>Whether <c>query_options</c> names <paramref name="option"/>.</summary>
    private static bool Asks(JsonElement biz, string option) =>
        biz.TryGetProperty("query_options", out var queryOptions) && queryOptions.ValueKind == JsonValueKind.Array
        && queryOptions.EnumerateArray().Any(o => o.ValueKind == JsonValueKind.String && o.GetString() == option);

    private static AlipayTrade? Find(JsonElement biz, Context context) =>
        Text(biz, "out_trade_no") is { } outTradeNo ? context.Trades.Find(outTradeNo) : null;

    private static Dictionary<string, object?> TradeNotExist() => AlipayGateway.BusinessFailed("ACQ.TRADE_NOT_EXIST", "交易不存在");

    private static Dictionary<string, object?> Success(Dictionary<string, object?> fields, Action? then = null)
    {
        then?.Invoke();
        fields["code"] = "10000";
        fields["msg"] = "Success";
        return Reorder(fields);
    }

    // code and msg first, as Alipay writes them.
    private static Dictionary<string, object?> Reorder(Dictionary<string, object?> fields)
    {
        var ordered = new Dictionary<string, object?> { ["code"] = fields["code"], ["msg"] = fields["msg"] };
        foreach (var (name, value) in fields.Where(field => field.Key is not ("code" or "msg")))
        {
            ordered[name] = value;
        }

        return ordered;
    }

    private static string? Text(JsonElement biz, string name) =>
        biz.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex OutTradeNo();

    [GeneratedRegex(@"^(2[5-9]|30)\d{14,22}$")]
    private static partial Regex PaymentCode();

    public sealed record Context(AlipayTradeStore Trades, AlipayNotificationFactory Factory, AlipayNotificationQueue Queue, AlipayFaults Faults, AlipaySandboxOptions Options, DateTimeOffset Now);
}
