using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.UnionPay;

/// <summary>
/// The ACP 5.1.0 back-end gateway: <c>backTransReq.do</c> (申请消费二维码 01/07, 被扫消费 01/06, 退货 04/00,
/// 消费撤销 31/00) and <c>queryTrans.do</c> (00/00). Every answer is HTTP 200 with raw <c>k=v&amp;...</c> text signed
/// by UnionPay's signing key and carrying its certificate.
/// </summary>
public static partial class UnionPayGatewayApi
{
    public static void MapUnionPayGateway(this IEndpointRouteBuilder app)
    {
        app.MapPost("/gateway/api/backTransReq.do", BackTransAsync);
        app.MapPost("/gateway/api/queryTrans.do", QueryAsync);
    }

    private static async Task<IResult> BackTransAsync(HttpRequest http, UnionPayGateway gateway) =>
        await gateway.HandleAsync(http, query: false);

    private static async Task<IResult> QueryAsync(HttpRequest http, UnionPayGateway gateway) =>
        await gateway.HandleAsync(http, query: true);

    [GeneratedRegex("^[0-9A-Za-z]{8,40}$")]
    internal static partial Regex OrderId();

    [GeneratedRegex(@"^\d{14}$")]
    internal static partial Regex TxnTime();

    [GeneratedRegex(@"^[1-9]\d{0,11}$")]
    internal static partial Regex Amount();

    [GeneratedRegex(@"^62\d{17}$")]
    internal static partial Regex PaymentCode();
}

/// <summary>What UnionPay does with one gateway request.</summary>
public sealed class UnionPayGateway(
    UnionPayStore store,
    UnionPayMessages messages,
    UnionPayNotifier notifier,
    UnionPayFaults faults,
    IOptions<UnionPayIdentity> identity,
    TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpRequest http, bool query)
    {
        var fields = await UnionPayMessages.ReadFormAsync(http);
        if (fields is null)
        {
            return Answer([], "10", "报文格式错误", corrupt: false);
        }

        var fault = faults.Take(UnionPayFaults.Timeout, UnionPayFaults.SystemError, UnionPayFaults.SignatureError);
        if (fault == UnionPayFaults.SystemError)
        {
            return Answer(fields, "06", "系统繁忙，请稍后重试", corrupt: false);
        }

        var (code, message, extra) = Check(fields, query) ?? (query ? Query(fields) : Transact(fields));
        if (fault == UnionPayFaults.Timeout)
        {
            // The request was processed; only the answer is late, as when UnionPay's answer is lost on the way.
            await Task.Delay(identity.Value.TimeoutDelay, time, http.HttpContext.RequestAborted);
            return Answer(fields, "03", "交易通讯超时，请发起查询交易", corrupt: false);
        }

        return Answer(fields, code, message, fault == UnionPayFaults.SignatureError, extra);
    }

    /// <summary>The checks every request passes first: required fields, version, the merchant's signature, merId, formats.</summary>
    public (string Code, string Message, Dictionary<string, string>? Extra)? Check(Dictionary<string, string> fields, bool query)
    {
        string[] required = ["version", "encoding", "signMethod", "txnType", "txnSubType", "bizType", "accessType", "merId", "orderId", "txnTime", "certId", "signature"];
        if (required.Any(name => string.IsNullOrEmpty(fields.GetValueOrDefault(name))))
        {
            return ("13", "报文交易要素缺失", null);
        }

        if (fields["version"] != "5.1.0" || fields["signMethod"] != "01" || fields["encoding"] != "UTF-8")
        {
            return ("10", "报文格式错误：version/signMethod/encoding", null);
        }

        if (!messages.IsSignedByMerchant(fields))
        {
            return ("11", "验证签名失败", null);
        }

        if (fields["merId"] != identity.Value.MerId || fields["accessType"] != "0")
        {
            return ("31", "商户状态不正确", null);
        }

        if (!UnionPayGatewayApi.OrderId().IsMatch(fields["orderId"]) || !UnionPayGatewayApi.TxnTime().IsMatch(fields["txnTime"])
            || fields["bizType"] is not ("000000" or "000201"))
        {
            return ("10", "报文格式错误：orderId/txnTime/bizType", null);
        }

        if (query != (fields["txnType"] == "00"))
        {
            return ("10", "报文格式错误：txnType", null);
        }

        if (!query && (!UnionPayGatewayApi.Amount().IsMatch(fields.GetValueOrDefault("txnAmt") ?? string.Empty)
            || fields.GetValueOrDefault("currencyCode") != "156"
            || !Uri.TryCreate(fields.GetValueOrDefault("backUrl"), UriKind.Absolute, out _)))
        {
            return ("10", "报文格式错误：txnAmt/currencyCode/backUrl", null);
        }

        return null;
    }

    private (string, string, Dictionary<string, string>?) Transact(Dictionary<string, string> fields) =>
        (fields["txnType"], fields["txnSubType"]) switch
        {
            ("01", "07") => ApplyQrCode(fields),
            ("01", "06") => ConsumeByPaymentCode(fields),
            ("04", "00") => Refund(fields),
            ("31", "00") => Void(fields),
            _ => ("43", "无此业务权限", null),
        };

    private (string, string, Dictionary<string, string>?) ApplyQrCode(Dictionary<string, string> fields)
    {
        var now = time.GetUtcNow();
        var qrCode = "https://qr.95516.com/00010000/01" + RandomNumberGenerator.GetInt32(0, int.MaxValue).ToString("D10", CultureInfo.InvariantCulture);
        var transaction = UnionPayTransaction.AwaitingPayment(fields, UnionPayStore.NewQueryId(now), qrCode, now);
        return store.TryAdd(transaction)
            ? ("00", "成功[0000000]", new() { ["qrCode"] = qrCode })
            : ("12", "重复交易", null);
    }

    private (string, string, Dictionary<string, string>?) ConsumeByPaymentCode(Dictionary<string, string> fields)
    {
        if (!UnionPayGatewayApi.PaymentCode().IsMatch(fields.GetValueOrDefault("qrNo") ?? string.Empty))
        {
            return ("10", "报文格式错误：qrNo", null);
        }

        var now = time.GetUtcNow();
        var transaction = new UnionPayTransaction(fields, UnionPayStore.NewQueryId(now), now);
        if (!store.TryAdd(transaction))
        {
            return ("12", "重复交易", null);
        }

        switch (faults.Take(UnionPayFaults.UserPaying, UnionPayFaults.InsufficientBalance))
        {
            case UnionPayFaults.UserPaying:
                // The payer must confirm on the phone; /sandbox/unionpay/orders/{orderId}/pay settles it.
                return ("00", "成功[0000000]", new() { ["queryId"] = transaction.QueryId });
            case UnionPayFaults.InsufficientBalance:
                transaction.Fail("64", "卡上的余额不足", now);
                return ("64", "卡上的余额不足", new() { ["queryId"] = transaction.QueryId });
            default:
                transaction.Succeed(now);
                notifier.Notify(transaction, TimeSpan.Zero);
                return ("00", "成功[0000000]", new() { ["queryId"] = transaction.QueryId });
        }
    }

    private (string, string, Dictionary<string, string>?) Refund(Dictionary<string, string> fields)
    {
        var original = Original(fields);
        if (original is null || original.TxnType != "01")
        {
            return ("35", "原交易不存在或状态不正确", null);
        }

        var now = time.GetUtcNow();
        var refund = new UnionPayTransaction(fields, UnionPayStore.NewQueryId(now), now) { Original = original };
        lock (original.Gate)
        {
            if (store.Find(refund.OrderId) is not null)
            {
                return ("12", "重复交易", null);
            }

            if (original.State != TransactionState.Succeeded)
            {
                return ("35", "原交易不存在或状态不正确", null);
            }

            if (!original.TryReverse(refund.Amount))
            {
                return ("36", "与原交易信息不符：退货金额超过可退金额", null);
            }

            store.TryAdd(refund);
        }

        notifier.Notify(refund, identity.Value.RefundDelay, settle: true);
        return ("00", "成功[0000000]", new() { ["queryId"] = refund.QueryId });
    }

    private (string, string, Dictionary<string, string>?) Void(Dictionary<string, string> fields)
    {
        var original = Original(fields);
        var now = time.GetUtcNow();
        if (original is null || original.TxnType != "01")
        {
            return ("35", "原交易不存在或状态不正确", null);
        }

        var voided = new UnionPayTransaction(fields, UnionPayStore.NewQueryId(now), now) { Original = original };
        lock (original.Gate)
        {
            if (store.Find(voided.OrderId) is not null)
            {
                return ("12", "重复交易", null);
            }

            // A void reverses the whole amount, the same day (before the 23:00 cut-off in UnionPay's terms).
            if (original.State != TransactionState.Succeeded || original.Reversed != 0 || original.SettleDate != voided.SettleDate)
            {
                return ("35", "原交易不存在或状态不正确", null);
            }

            if (voided.Amount != original.Amount || !original.TryReverse(voided.Amount))
            {
                return ("36", "与原交易信息不符：撤销金额须等于原交易金额", null);
            }

            store.TryAdd(voided);
            voided.Succeed(now);
        }

        notifier.Notify(voided, TimeSpan.Zero);
        return ("00", "成功[0000000]", new() { ["queryId"] = voided.QueryId });
    }

    private UnionPayTransaction? Original(Dictionary<string, string> fields)
    {
        if (fields.GetValueOrDefault("origQryId") is { Length: > 0 } origQryId)
        {
            return store.FindByQueryId(origQryId);
        }

        return store.Find(fields.GetValueOrDefault("origOrderId") ?? string.Empty) is { } byOrderId
            && byOrderId.TxnTime == fields.GetValueOrDefault("origTxnTime")
            ? byOrderId
            : null;
    }

    private (string, string, Dictionary<string, string>?) Query(Dictionary<string, string> fields)
    {
        var transaction = store.Find(fields["orderId"]);
        if (transaction is null || transaction.TxnTime != fields["txnTime"])
        {
            return ("34", "查无此交易", null);
        }

        lock (transaction.Gate)
        {
            if (transaction.State == TransactionState.AwaitingPayer)
            {
                return ("34", "查无此交易", null);
            }

            var extra = new Dictionary<string, string>
            {
                ["queryId"] = transaction.QueryId,
                ["traceNo"] = transaction.TraceNo,
                ["traceTime"] = transaction.TraceTime,
                ["settleDate"] = transaction.SettleDate,
                ["settleAmt"] = transaction.Amount.ToString(CultureInfo.InvariantCulture),
                ["settleCurrencyCode"] = "156",
                ["txnAmt"] = transaction.Amount.ToString(CultureInfo.InvariantCulture),
                ["currencyCode"] = "156",
                ["origRespCode"] = transaction.ResultCode,
                ["origRespMsg"] = transaction.ResultMessage,
            };
            if (transaction.Request.TryGetValue("reqReserved", out var reserved))
            {
                extra["reqReserved"] = reserved;
            }

            foreach (var (name, value) in transaction.PayerCardFields())
            {
                extra[name] = value;
            }

            return ("00", "成功[0000000]", extra);
        }
    }

    private IResult Answer(Dictionary<string, string> request, string code, string message, bool corrupt, Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["version"] = "5.1.0",
            ["encoding"] = "UTF-8",
            ["signMethod"] = "01",
        };
        foreach (var echoed in new[] { "txnType", "txnSubType", "bizType", "accessType", "merId", "orderId", "txnTime" })
        {
            if (request.TryGetValue(echoed, out var value))
            {
                fields[echoed] = value;
            }
        }

        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }

        fields["respCode"] = code;
        fields["respMsg"] = message;
        return Results.Text(UnionPayMessages.AnswerText(messages.Sign(fields, corrupt)), "text/plain", System.Text.Encoding.UTF8);
    }
}
