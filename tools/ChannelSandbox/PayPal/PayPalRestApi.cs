using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.PayPal;

/// <summary>
/// PayPal's REST API as the merchant calls it: the OAuth 2.0 client-credentials token (Basic client id and secret),
/// then, with its bearer token, Orders v2 (create with <c>PayPal-Request-Id</c> idempotency, show, patch the amount,
/// capture) and Payments v2 (refund a capture, show a refund), and the webhook certificate.
/// </summary>
public static class PayPalRestApi
{
    public static void MapPayPalRestApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/oauth2/token", IssueTokenAsync);
        app.MapGet(PayPalWebhooks.CertPathPrefix + "{name}", (string name, PayPalKeys keys) =>
            name == keys.CertificateName ? Results.Text(keys.CertificatePem, "application/x-pem-file") : Results.NotFound());

        var api = app.MapGroup("/v2").AddEndpointFilter(AuthenticateAsync);
        api.MapPost("/checkout/orders", CreateOrderAsync);
        api.MapGet("/checkout/orders/{id}", (string id, HttpContext context, PayPalStore store) =>
            store.Find(id) is { } order && order.Id == id ? Results.Json(Show(order), SandboxJson.Options) : NotFound(id));
        api.MapMethods("/checkout/orders/{id}", ["PATCH"], PatchOrderAsync);
        api.MapPost("/checkout/orders/{id}/capture", Capture);
        api.MapPost("/payments/captures/{id}/refund", RefundAsync);
        api.MapGet("/payments/refunds/{id}", (string id, PayPalStore store) =>
            store.FindRefund(id) is var (order, refund) ? Results.Json(PayPalViews.Refund(order, refund), SandboxJson.Options) : NotFound(id));
    }

    private static async Task<IResult> IssueTokenAsync(HttpRequest request, PayPalKeys keys, PayPalStore store, IOptions<PayPalSandboxOptions> options, TimeProvider time)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Value.ClientId}:{keys.ClientSecret}"));
        var presented = request.Headers.Authorization.ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            return Results.Json(new { error = "invalid_client", error_description = "Client Authentication failed" }, SandboxJson.Options, statusCode: 401);
        }

        if (!request.HasFormContentType || (await request.ReadFormAsync(request.HttpContext.RequestAborted))["grant_type"] != "client_credentials")
        {
            return Results.Json(new { error = "unsupported_grant_type", error_description = "Grant Type is NULL" }, SandboxJson.Options, statusCode: 400);
        }

        var token = "A21AA" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_');
        var lifetime = options.Value.TokenLifetime;
        store.AddToken(token, time.GetUtcNow() + lifetime);
        return Results.Json(
            new
            {
                scope = "https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/payments/refund",
                access_token = token,
                token_type = "Bearer",
                app_id = "APP-80W284485P519543T",
                expires_in = (long)lifetime.TotalSeconds,
                nonce = Time(time) + PayPalOrder.NewId(20),
            },
            SandboxJson.Options);
    }

    private static async ValueTask<object?> AuthenticateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var store = http.RequestServices.GetRequiredService<PayPalStore>();
        var faults = http.RequestServices.GetRequiredService<PayPalFaults>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var header = http.Request.Headers.Authorization.ToString();
        var valid = header.StartsWith("Bearer ", StringComparison.Ordinal) && store.IsValidToken(header["Bearer ".Length..], time.GetUtcNow());
        if (!valid || faults.Take(PayPalFaults.RestCall, PayPalFaults.TokenRevoked) is not null)
        {
            return Results.Json(new { error = "invalid_token", error_description = "Token signature verification failed" }, SandboxJson.Options, statusCode: 401);
        }

        if (faults.Take(PayPalFaults.RestCall, PayPalFaults.ServerError) is not null)
        {
            return PayPalViews.Error(500, "INTERNAL_SERVER_ERROR", "An internal server error occurred.");
        }

        return await next(context);
    }

    private static async Task<IResult> CreateOrderAsync(HttpContext context, PayPalStore store, TimeProvider time)
    {
        var requestId = context.Request.Headers["PayPal-Request-Id"].ToString();
        var body = await ReadJsonAsync(context.Request);
        var unit = body?["purchase_units"] is JsonArray { Count: 1 } units ? units[0] : null;
        var experience = body?["payment_source"]?["paypal"]?["experience_context"];
        if (body is null || (string?)body["intent"] != "CAPTURE" || unit is null)
        {
            return Invalid("intent must be CAPTURE with exactly one purchase unit.", "INVALID_PARAMETER_VALUE");
        }

        var amount = PayPalMoney.TryParse((string?)unit["amount"]?["currency_code"], (string?)unit["amount"]?["value"], out var issue);
        if (amount is null || amount.Minor <= 0)
        {
            return Invalid("The amount is not one PayPal takes.", issue ?? "CANNOT_BE_ZERO_OR_NEGATIVE");
        }

        var invoiceId = (string?)unit["invoice_id"];
        if (string.IsNullOrEmpty(invoiceId) || invoiceId.Length > 127 || ((string?)unit["description"])?.Length > 127 || ((string?)unit["custom_id"])?.Length > 127)
        {
            return Invalid("invoice_id is required; invoice_id, custom_id and description are at most 127 characters.", "INVALID_STRING_LENGTH");
        }

        if (!Uri.TryCreate((string?)experience?["return_url"], UriKind.Absolute, out var returnUrl)
            || !Uri.TryCreate((string?)experience?["cancel_url"], UriKind.Absolute, out var cancelUrl) || (string?)experience?["user_action"] != "PAY_NOW")
        {
            return Invalid("payment_source.paypal.experience_context needs return_url, cancel_url and user_action PAY_NOW.", "MISSING_REQUIRED_PARAMETER");
        }

        var sandboxBase = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
        StoredAnswer Create()
        {
            var order = new PayPalOrder(
                PayPalOrder.NewId(17), invoiceId, (string?)unit["custom_id"] ?? string.Empty, (string?)unit["description"] ?? string.Empty, amount, returnUrl, cancelUrl, time.GetUtcNow())
            {
                SandboxBase = sandboxBase,
            };
            store.Add(order);
            return new StoredAnswer(201, () => Show(order));
        }

        var answer = string.IsNullOrEmpty(requestId) ? Create() : store.Idempotent("create", requestId, Create);
        return Results.Json(answer.Replay(), SandboxJson.Options, statusCode: answer.Status);
    }

    private static async Task<IResult> PatchOrderAsync(string id, HttpRequest request, PayPalStore store, TimeProvider time)
    {
        if (store.Find(id) is not { } order || order.Id != id)
        {
            return NotFound(id);
        }

        var operations = await ReadJsonArrayAsync(request);
        var operation = operations is [JsonObject only] ? only : null;
        if ((string?)operation?["op"] != "replace" || (string?)operation?["path"] != "/purchase_units/@reference_id=='default'/amount")
        {
            return Invalid("Only replacing the purchase unit's amount is simulated.", "PATCH_PATH_REQUIRED");
        }

        var amount = PayPalMoney.TryParse((string?)operation["value"]?["currency_code"], (string?)operation["value"]?["value"], out var issue);
        lock (order.Gate)
        {
            if (order.Status is not ("CREATED" or "PAYER_ACTION_REQUIRED" or "APPROVED"))
            {
                return PayPalViews.Error(422, "UNPROCESSABLE_ENTITY", "The order cannot be patched in its status.", "ORDER_ALREADY_COMPLETED");
            }

            if (amount is null || amount.Minor <= 0 || amount.CurrencyCode != order.Amount.CurrencyCode)
            {
                return Invalid("The amount is not one this order can take.", issue ?? "PATCH_VALUE_REQUIRED");
            }

            order.Amount = amount;
            order.UpdatedAt = time.GetUtcNow();
        }

        return Results.NoContent();
    }

    private static IResult Capture(string id, HttpContext context, PayPalStore store, PayPalFaults faults, PayPalWebhooks webhooks, TimeProvider time, IOptions<PayPalSandboxOptions> options)
    {
        if (store.Find(id) is not { } order || order.Id != id)
        {
            return NotFound(id);
        }

        StoredAnswer Run()
        {
            lock (order.Gate)
            {
                if (order.Status == "COMPLETED")
                {
                    return new StoredAnswer(422, () => Unprocessable("Payment has already been captured for this order.", "ORDER_ALREADY_CAPTURED"));
                }

                if (order.Status != "APPROVED")
                {
                    return new StoredAnswer(422, () => Unprocessable("The payer has not yet approved the Order for payment.", "ORDER_NOT_APPROVED"));
                }

                var fault = faults.Take(PayPalFaults.RestCall, PayPalFaults.CapturePending, PayPalFaults.InstrumentDeclined)?.Kind;
                if (fault == PayPalFaults.InstrumentDeclined)
                {
                    return new StoredAnswer(422, () => Unprocessable("The instrument presented was either declined by the processor or bank.", "INSTRUMENT_DECLINED"));
                }

                var now = time.GetUtcNow();
                order.Capture = new PayPalCapture(PayPalOrder.NewId(17), order.Amount, fault == PayPalFaults.CapturePending ? "PENDING" : "COMPLETED", now);
                order.Status = "COMPLETED";
                order.UpdatedAt = now;
                webhooks.Publish(order, fault == PayPalFaults.CapturePending ? "PAYMENT.CAPTURE.PENDING" : "PAYMENT.CAPTURE.COMPLETED", "capture", PayPalViews.Capture(order, order.Capture));
                if (fault == PayPalFaults.CapturePending)
                {
                    webhooks.CompleteLater(order, options.Value.PendingCaptureDelay);
                }

                return new StoredAnswer(201, () => Show(order));
            }
        }

        var requestId = context.Request.Headers["PayPal-Request-Id"].ToString();
        var answer = string.IsNullOrEmpty(requestId) ? Run() : store.Idempotent("capture:" + id, requestId, Run);
        return Results.Json(answer.Replay(), SandboxJson.Options, statusCode: answer.Status);
    }

    private static async Task<IResult> RefundAsync(string id, HttpContext context, PayPalStore store, PayPalWebhooks webhooks, TimeProvider time)
    {
        if (store.FindByCapture(id) is not { Capture: { } capture } order)
        {
            return NotFound(id);
        }

        var body = await ReadJsonAsync(context.Request) ?? [];
        var requested = body["amount"] is null ? null : PayPalMoney.TryParse((string?)body["amount"]?["currency_code"], (string?)body["amount"]?["value"], out _);
        if (body["amount"] is not null && (requested is null || requested.Minor <= 0 || requested.CurrencyCode != capture.Amount.CurrencyCode))
        {
            return Invalid("The refund amount is not one this capture can take.", "INVALID_CURRENCY_CODE");
        }

        StoredAnswer Run()
        {
            lock (order.Gate)
            {
                if (capture.Status is not ("COMPLETED" or "PARTIALLY_REFUNDED"))
                {
                    return new StoredAnswer(422, () => Unprocessable("The capture cannot be refunded.", capture.Status == "REFUNDED" ? "CAPTURE_FULLY_REFUNDED" : "REFUND_NOT_ALLOWED"));
                }

                var remaining = capture.Amount.Minor - order.Refunds.Sum(r => r.Amount.Minor);
                var amount = requested ?? capture.Amount with { Minor = remaining };
                if (amount.Minor > remaining)
                {
                    return new StoredAnswer(422, () => Unprocessable("The refund amount must be less than or equal to the capture amount that has not yet been refunded.", "REFUND_AMOUNT_EXCEEDED"));
                }

                var now = time.GetUtcNow();
                var refund = new PayPalRefundRecord(PayPalOrder.NewId(17), amount, (string?)body["invoice_id"], (string?)body["custom_id"], (string?)body["note_to_payer"], now);
                order.Refunds.Add(refund);
                capture.Status = amount.Minor == remaining ? "REFUNDED" : "PARTIALLY_REFUNDED";
                capture.UpdatedAt = now;
                webhooks.Publish(order, "PAYMENT.CAPTURE.REFUNDED", "refund", PayPalViews.Refund(order, refund));
                return new StoredAnswer(201, () => PayPalViews.Refund(order, refund));
            }
        }

        var requestId = context.Request.Headers["PayPal-Request-Id"].ToString();
        var answer = string.IsNullOrEmpty(requestId) ? Run() : store.Idempotent("refund:" + id, requestId, Run);
        return Results.Json(answer.Replay(), SandboxJson.Options, statusCode: answer.Status);
    }

    private static object Show(PayPalOrder order)
    {
        lock (order.Gate)
        {
            return PayPalViews.Order(order);
        }
    }

    private static async Task<JsonObject?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<JsonArray?> ReadJsonArrayAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonArray;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Time(TimeProvider time) => PayPalViews.Time(time.GetUtcNow());

    private static IResult Invalid(string message, string issue) => PayPalViews.Error(400, "INVALID_REQUEST", message, issue);

    private static object Unprocessable(string message, string issue) =>
        new { name = "UNPROCESSABLE_ENTITY", message, details = new[] { new { issue, description = message } } };

    private static IResult NotFound(string id) =>
        PayPalViews.Error(404, "RESOURCE_NOT_FOUND", $"The specified resource ({id}) does not exist.", "INVALID_RESOURCE_ID");
}
