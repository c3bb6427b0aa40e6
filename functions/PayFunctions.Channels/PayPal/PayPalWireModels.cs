using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayFunctions.Channels.PayPal;

/// <summary>The JSON settings of every REST request and answer: snake_case names, nulls left out.</summary>
internal static class PayPalJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>An <c>amount</c> or <c>money</c> object: the ISO code and PayPal's decimal string.</summary>
internal sealed record PayPalMoney(string CurrencyCode, string Value);

/// <summary>A HATEOAS link; <c>payer-action</c> (or <c>approve</c>) is where the payer approves the order.</summary>
internal sealed record PayPalLink(string Href, string Rel, string? Method);

/// <summary>Body of <c>POST /v2/checkout/orders</c>.</summary>
internal sealed record CreateOrderRequest(string Intent, IReadOnlyList<PurchaseUnitRequest> PurchaseUnits, PaymentSourceRequest PaymentSource);

/// <summary>The one purchase unit of an order: the platform's order number is its <c>invoice_id</c> and <c>custom_id</c>.</summary>
internal sealed record PurchaseUnitRequest(string InvoiceId, string CustomId, PayPalMoney Amount, string Description);

/// <summary>How the payer pays: with a PayPal account, through PayPal's approval page.</summary>
internal sealed record PaymentSourceRequest(PayPalSourceRequest Paypal);

/// <summary>The <c>payment_source.paypal</c> object.</summary>
internal sealed record PayPalSourceRequest(ExperienceContext ExperienceContext);

/// <summary>Where PayPal's page sends the payer back, and that its button says "Pay Now".</summary>
internal sealed record ExperienceContext(string ReturnUrl, string CancelUrl, string UserAction, string ShippingPreference);

/// <summary>One operation of a JSON Patch (<c>PATCH /v2/checkout/orders/{id}</c>).</summary>
internal sealed record PatchOperation(string Op, string Path, PayPalMoney Value);

/// <summary>Body of <c>POST /v2/payments/captures/{id}/refund</c>.</summary>
internal sealed record RefundRequest(PayPalMoney Amount, string InvoiceId, string CustomId, string? NoteToPayer);

/// <summary>An order as <c>GET /v2/checkout/orders/{id}</c>, create, capture and the order webhooks show it.</summary>
internal sealed record PayPalOrder(string Id, string? Status, IReadOnlyList<PurchaseUnit>? PurchaseUnits, IReadOnlyList<PayPalLink>? Links)
{
    /// <summary>
    /// Who approved the order, once someone has, read as it came (<see cref="PayPalOrderStates.PayerOf"/>): a malformed payer
    /// is dropped and must not make the order unreadable.
    /// </summary>
    public JsonElement Payer { get; init; }
}

/// <summary>A purchase unit as PayPal shows it, with what happened to its money.</summary>
internal sealed record PurchaseUnit(string? ReferenceId, string? InvoiceId, string? CustomId, PayPalMoney? Amount, Payee? Payee, PurchaseUnitPayments? Payments);

/// <summary>The merchant receiving the money.</summary>
internal sealed record Payee(string? MerchantId);

/// <summary>The captures and refunds of a purchase unit.</summary>
internal sealed record PurchaseUnitPayments(IReadOnlyList<PayPalCapture>? Captures, IReadOnlyList<PayPalRefund>? Refunds);

/// <summary>A capture: the money taken from the payer. Its id is the transaction refunds are made against.</summary>
internal sealed record PayPalCapture(
    string Id, string? Status, PayPalMoney? Amount, string? InvoiceId, string? CustomId, DateTimeOffset? CreateTime, DateTimeOffset? UpdateTime, Payee? Payee);

/// <summary>A refund of a capture.</summary>
internal sealed record PayPalRefund(
    string Id, string? Status, PayPalMoney? Amount, string? InvoiceId, string? CustomId, DateTimeOffset? CreateTime, DateTimeOffset? UpdateTime, IReadOnlyList<PayPalLink>? Links);

/// <summary>The OAuth 2.0 token answer.</summary>
internal sealed record TokenAnswer(string? AccessToken, string? TokenType, long? ExpiresIn);

/// <summary>PayPal's error body: <c>name</c>, <c>message</c>, <c>debug_id</c> and the issues in <c>details</c>.</summary>
internal sealed record PayPalError(string? Name, string? Message, string? DebugId, IReadOnlyList<PayPalErrorDetail>? Details, string? Error, string? ErrorDescription);

/// <summary>One issue of an error, e.g. <c>ORDER_ALREADY_CAPTURED</c>.</summary>
internal sealed record PayPalErrorDetail(string? Issue, string? Description);

/// <summary>A webhook event: its id, type and the resource it is about (an order, a capture or a refund).</summary>
internal sealed record WebhookEvent(string? Id, string? EventType, string? ResourceType, JsonElement Resource);
