using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.AlipayPlus;

/// <summary>
/// Antom's merchant API for Alipay+ wallets (<c>/ams/api/v1/payments/…</c>): every request must carry the client id, a fresh
/// request-time and the merchant's RSA256 signature; every answer carries <c>response-time</c> and Alipay+'s signature.
/// </summary>
public static class AlipayPlusApi
{
    public const string Prefix = "/ams/api/v1/payments/";

    private static readonly string[] Wallets = ["GCASH", "DANA", "TNG", "TRUEMONEY", "KAKAOPAY"];
    private static readonly string[] QrWallets = ["KAKAOPAY"];

    public static void MapAlipayPlusApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Prefix + "{api}", HandleAsync);
    }

    public static JsonObject Amount(string currency, long value) => new() { ["currency"] = currency, ["value"] = value.ToString(CultureInfo.InvariantCulture) };

    private static async Task HandleAsync(string api, HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<AlipayPlusSandboxOptions>>().Value;
        var keys = services.GetRequiredService<AlipayPlusKeys>();
        var faults = services.GetRequiredService<AlipayPlusFaults>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var path = context.Request.Path.Value!;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);

        var refusal = Authenticate(context.Request, path, body, options, keys, now);
        JsonObject answer;
        if (refusal is not null)
        {
            answer = Result("F", refusal, "The request could not be authenticated.");
        }
        else if (faults.Take(api, "unknown") is not null)
        {
            answer = Result("U", "UNKNOWN_EXCEPTION", "An API call has failed, which is caused by unknown reasons.");
        }
        else
        {
            JsonObject? request;
            try
            {
                request = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
                request = null;
            }

            answer = request is null
                ? Result("F", "PARAM_ILLEGAL", "The body is not a JSON object.")
                : api switch
                {
                    "pay" => Pay(request, context, now),
                    "inquiryPayment" => InquiryPayment(request, services, now),
                    "cancel" => Cancel(request, services, now),
                    "refund" => Refund(request, services, faults, now),
                    "inquiryRefund" => InquiryRefund(request, services),
                    _ => Result("F", "NO_INTERFACE_DEF", "The API is not defined."),
                };
        }

        var code = answer["result"]!["resultCode"]!.GetValue<string>();
        if (answer["result"]!["resultStatus"]!.GetValue<string>() == "F")
        {
            AlipayPlusLog.Refused(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AlipayPlusApi)), path, code);
        }

        if (faults.Take(api, "timeout") is { } timeout)
        {
            await Task.Delay(timeout.DelayMs, context.RequestAborted);
        }

        var text = answer.ToJsonString();
        var responseTime = AlipayPlusCrypto.Time(now);
        var signed = faults.Take(api, "bad_signature") is null ? text : text + " ";
        context.Response.Headers["client-id"] = options.ClientId;
        context.Response.Headers["response-time"] = responseTime;
        context.Response.Headers["signature"] = AlipayPlusCrypto.SignatureHeader(
            keys.AlipayPlusPrivateKey, "1", AlipayPlusCrypto.SignedText(path, options.ClientId, responseTime, signed));
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    /// <summary>The result code of a refused authentication, or null when the request is the merchant's, signed and fresh.</summary>
    private static string? Authenticate(HttpRequest request, string path, string body, AlipayPlusSandboxOptions options, AlipayPlusKeys keys, DateTimeOffset now)
    {
        var clientId = request.Headers["client-id"].ToString();
        var requestTime = request.Headers["request-time"].ToString();
        var signature = AlipayPlusCrypto.HeaderParts(request.Headers["signature"].ToString());
        if (clientId != options.ClientId)
        {
            return "INVALID_CLIENT";
        }

        if (AlipayPlusCrypto.ReadTime(requestTime) is not { } sent || (now - sent).Duration() > options.RequestTimeTolerance)
        {
            return "INVALID_REQUEST_TIME";
        }

        if (!string.Equals(signature.GetValueOrDefault("algorithm"), "RSA256", StringComparison.OrdinalIgnoreCase)
            || signature.GetValueOrDefault("keyVersion") is { } version && version != options.KeyVersion
            || signature.GetValueOrDefault("signature") is not { } value
            || !AlipayPlusCrypto.Verify(keys.MerchantPublicKey, AlipayPlusCrypto.SignedText(path, clientId, requestTime, body), value))
        {
            return "INVALID_SIGNATURE";
        }

        return null;
    }

    private static JsonObject Pay(JsonObject request, HttpContext context, DateTimeOffset now)
    {
        var store = context.RequestServices.GetRequiredService<AlipayPlusStore>();
        var requestId = Text(request, "paymentRequestId");
        var wallet = Text(request["paymentMethod"], "paymentMethodType");
        var amount = request["paymentAmount"];
        var currency = Text(amount, "currency");
        var redirect = Text(request, "paymentRedirectUrl");
        var notify = Text(request, "paymentNotifyUrl");
        if (Text(request, "productCode") != "CASHIER_PAYMENT" || requestId is not { Length: > 0 and <= 64 } || currency is null
            || !long.TryParse(Text(amount, "value"), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0
            || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUrl) || !Uri.TryCreate(notify, UriKind.Absolute, out var notifyUrl)
            || Text(request["order"], "orderDescription") is not { } description || Text(request["env"], "terminalType") is null)
        {
            return Result("F", "PARAM_ILLEGAL", "Illegal parameters.");
        }

        if (wallet is null || !Wallets.Contains(wallet))
        {
            return Result("F", "PAYMENT_METHOD_NOT_SUPPORTED", "The payment method is not supported.");
        }

        DateTimeOffset? expiry = Text(request, "paymentExpiryTime") is { } expiresText
            && DateTimeOffset.TryParse(expiresText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires) ? expires : null;
        var terms = new AlipayPlusTerms(requestId, wallet, currency, value, description, redirectUrl, notifyUrl, expiry);
        var payment = store.GetOrAdd(terms, now);
        if (payment.Terms != terms)
        {
            return Result("F", "REPEAT_REQ_INCONSISTENT", "Repeated requests are inconsistent.");
        }

        var status = payment.StatusAt(now);
        if (status == "SUCCESS")
        {
            return WithPayment(Result("S", "SUCCESS", "success"), payment);
        }

        if (status == "CANCELLED")
        {
            return Result("F", "ORDER_IS_CLOSED", "The order is closed.");
        }

        var page = new Uri(new Uri($"{context.Request.Scheme}://{context.Request.Host}"), $"/sandbox/alipay_plus/wallet/{payment.PaymentId}").AbsoluteUri;
        var answer = WithPayment(Result("U", "PAYMENT_IN_PROCESS", "payment in process"), payment);
        if (QrWallets.Contains(wallet))
        {
            answer["orderCodeForm"] = new JsonObject
            {
                ["codeDetails"] = new JsonArray(new JsonObject { ["codeValue"] = page, ["displayType"] = "TEXT" }),
                ["expireTime"] = expiry is { } at ? AlipayPlusCrypto.Time(at) : null,
            };
        }
        else
        {
            answer["normalUrl"] = page;
        }

        return answer;
    }

    private static JsonObject InquiryPayment(JsonObject request, IServiceProvider services, DateTimeOffset now)
    {
        if (services.GetRequiredService<AlipayPlusStore>().Find(Text(request, "paymentRequestId") ?? string.Empty) is not { } payment)
        {
            return Result("F", "ORDER_NOT_EXIST", "The order does not exist.");
        }

        var answer = WithPayment(Result("S", "SUCCESS", "Success."), payment);
        answer["paymentStatus"] = payment.StatusAt(now);
        if (payment.PaidAt is { } paidAt)
        {
            answer["paymentTime"] = AlipayPlusCrypto.Time(paidAt);
            answer["pspCustomerInfo"] = payment.PspCustomerInfo();
        }

        return answer;
    }

    private static JsonObject Cancel(JsonObject request, IServiceProvider services, DateTimeOffset now)
    {
        if (services.GetRequiredService<AlipayPlusStore>().Find(Text(request, "paymentRequestId") ?? string.Empty) is not { } payment)
        {
            return Result("F", "ORDER_NOT_EXIST", "The order does not exist.");
        }

        payment.Cancel(now);
        var answer = WithPayment(Result("S", "SUCCESS", "Success."), payment);
        answer["cancelTime"] = AlipayPlusCrypto.Time(now);
        return answer;
    }

    private static JsonObject Refund(JsonObject request, IServiceProvider services, AlipayPlusFaults faults, DateTimeOffset now)
    {
        var refundRequestId = Text(request, "refundRequestId");
        var amount = request["refundAmount"];
        if (refundRequestId is not { Length: > 0 and <= 64 }
            || !long.TryParse(Text(amount, "value"), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return Result("F", "PARAM_ILLEGAL", "Illegal parameters.");
        }

        if (services.GetRequiredService<AlipayPlusStore>().FindByPaymentId(Text(request, "paymentId") ?? string.Empty) is not { } payment)
        {
            return Result("F", "ORDER_NOT_EXIST", "The order does not exist.");
        }

        if (Text(amount, "currency") != payment.Terms.Currency)
        {
            return Result("F", "CURRENCY_NOT_SUPPORT", "The currency is not the payment's.");
        }

        var notifyUrl = Uri.TryCreate(Text(request, "refundNotifyUrl"), UriKind.Absolute, out var url) ? url : null;
        var slow = faults.Take("refund", "refund_in_process");
        var (refund, refusal, created) = payment.Refund(refundRequestId, value, now, notifyUrl, Text(request, "metadata"), inProcess: slow is not null);
        if (refund is null)
        {
            return Result("F", refusal!, "The refund is refused.");
        }

        var queue = services.GetRequiredService<AlipayPlusNotificationQueue>();
        if (created && refund.Status == "PROCESSING")
        {
            _ = CompleteLaterAsync(payment, refund, slow!.DelayMs, queue, services.GetRequiredService<TimeProvider>());
            return RefundAnswer(Result("U", "REFUND_IN_PROCESS", "The refund is in process."), payment, refund);
        }

        if (refund.Status == "PROCESSING")
        {
            return RefundAnswer(Result("U", "REFUND_IN_PROCESS", "The refund is in process."), payment, refund);
        }

        if (created && refund.NotifyUrl is not null)
        {
            Notify(payment, AlipayPlusNotifications.Refund(payment, refund), queue, now);
        }

        return RefundAnswer(Result("S", "SUCCESS", "Success."), payment, refund);
    }

    private static async Task CompleteLaterAsync(AlipayPlusPayment payment, AlipayPlusRefund refund, int delayMs, AlipayPlusNotificationQueue queue, TimeProvider time)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(delayMs), time);
        var done = payment.Complete(refund, time.GetUtcNow());
        if (done.NotifyUrl is not null)
        {
            Notify(payment, AlipayPlusNotifications.Refund(payment, done), queue, time.GetUtcNow());
        }
    }

    private static JsonObject InquiryRefund(JsonObject request, IServiceProvider services)
    {
        var refundRequestId = Text(request, "refundRequestId") ?? string.Empty;
        if (services.GetRequiredService<AlipayPlusStore>().FindByRefund(refundRequestId) is not { } payment)
        {
            return Result("F", "REFUND_NOT_EXIST", "The refund does not exist.");
        }

        var answer = RefundAnswer(Result("S", "SUCCESS", "Success."), payment, payment.FindRefund(refundRequestId)!);
        answer["refundStatus"] = payment.FindRefund(refundRequestId)!.Status;
        return answer;
    }

    public static void Notify(AlipayPlusPayment payment, AlipayPlusNotification notification, AlipayPlusNotificationQueue queue, DateTimeOffset notBefore)
    {
        payment.Add(notification);
        queue.Enqueue(new AlipayPlusNotificationJob(payment, notification, notBefore, "first", RetriesDone: 0));
    }

    private static JsonObject RefundAnswer(JsonObject answer, AlipayPlusPayment payment, AlipayPlusRefund refund)
    {
        answer["refundRequestId"] = refund.RefundRequestId;
        answer["refundId"] = refund.RefundId;
        answer["paymentId"] = payment.PaymentId;
        answer["refundAmount"] = Amount(payment.Terms.Currency, refund.Value);
        answer["refundTime"] = AlipayPlusCrypto.Time(refund.At);
        return answer;
    }

    private static JsonObject WithPayment(JsonObject answer, AlipayPlusPayment payment)
    {
        answer["paymentRequestId"] = payment.Terms.PaymentRequestId;
        answer["paymentId"] = payment.PaymentId;
        answer["paymentAmount"] = Amount(payment.Terms.Currency, payment.Terms.Value);
        answer["paymentCreateTime"] = AlipayPlusCrypto.Time(payment.CreatedAt);
        return answer;
    }

    private static JsonObject Result(string status, string code, string message) =>
        new() { ["result"] = new JsonObject { ["resultCode"] = code, ["resultStatus"] = status, ["resultMessage"] = message } };

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
