using System.Net;

namespace ChannelSandbox.PayPal;

/// <summary>
/// PayPal's approval page (the order's <c>payer-action</c> link): the payer approves the order, and PayPal sends the
/// browser to the return URL with <c>?token={order id}&amp;PayerID={payer}</c>, or cancels and is sent to the cancel URL
/// with <c>?token={order id}</c>. No money moves here: that is the merchant's capture.
/// </summary>
public static class PayPalCheckoutPage
{
    public static void MapPayPalCheckoutPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/checkoutnow", (string? token, PayPalStore store) =>
            token is not null && store.Find(token) is { } order && order.Id == token ? Page(order) : Results.NotFound());
        app.MapPost("/sandbox/paypal/checkout/{id}/approve", (string id, PayPalStore store, PayPalWebhooks webhooks, TimeProvider time) =>
        {
            if (store.Find(id) is not { } order || order.Id != id)
            {
                return Results.NotFound();
            }

            return Approve(order, notify: true, DefaultPayerName, webhooks, time)
                ? Results.Redirect(With(order.ReturnUrl, $"token={order.Id}&PayerID={order.PayerId}"))
                : Results.Conflict($"The order is {order.Status}.");
        });
        app.MapPost("/sandbox/paypal/checkout/{id}/cancel", (string id, PayPalStore store) =>
            store.Find(id) is { } order && order.Id == id ? Results.Redirect(With(order.CancelUrl, $"token={order.Id}")) : Results.NotFound());
    }

    /// <summary>The name of the payer who approves on the page: the sandbox has one PayPal account.</summary>
    public static readonly (string GivenName, string Surname) DefaultPayerName = ("Sandbox", "Payer");

    /// <summary>The payer approves: PAYER_ACTION_REQUIRED becomes APPROVED and CHECKOUT.ORDER.APPROVED is sent (unless lost).</summary>
    public static bool Approve(PayPalOrder order, bool notify, (string GivenName, string Surname) payerName, PayPalWebhooks webhooks, TimeProvider time)
    {
        lock (order.Gate)
        {
            if (order.Status is not ("CREATED" or "PAYER_ACTION_REQUIRED"))
            {
                return false;
            }

            order.Status = "APPROVED";
            order.PayerId = PayPalOrder.NewId(13);
            order.PayerName = payerName;
            order.UpdatedAt = time.GetUtcNow();
            order.WebhooksLost |= !notify;
            webhooks.Publish(order, "CHECKOUT.ORDER.APPROVED", "checkout-order", PayPalViews.Order(order));
            return true;
        }
    }

    private static string With(Uri url, string query) => url.AbsoluteUri + (url.Query.Length > 0 ? "&" : "?") + query;

    private static IResult Page(PayPalOrder order)
    {
        var id = WebUtility.HtmlEncode(order.Id);
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>PayPal Checkout (sandbox)</title></head>
            <body>
            <h1>Pay with PayPal</h1>
            <p>{WebUtility.HtmlEncode(order.Description)}: {WebUtility.HtmlEncode(order.Amount.Value)} {WebUtility.HtmlEncode(order.Amount.CurrencyCode)}</p>
            <p>Order {id} is {WebUtility.HtmlEncode(order.Status)}.</p>
            <form method="post" action="/sandbox/paypal/checkout/{id}/approve"><button type="submit">Pay Now</button></form>
            <form method="post" action="/sandbox/paypal/checkout/{id}/cancel"><button type="submit">Cancel and return to merchant</button></form>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
