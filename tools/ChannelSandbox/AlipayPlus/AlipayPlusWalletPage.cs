using System.Net;

namespace ChannelSandbox.AlipayPlus;

/// <summary>
/// The wallet's page a payment's <c>normalUrl</c> (or, for a QR wallet, its code value) leads to: the payer sees the order and
/// pays, Alipay+ notifies the merchant, and the browser goes back to <c>paymentRedirectUrl</c>.
/// </summary>
public static class AlipayPlusWalletPage
{
    public static void MapAlipayPlusWalletPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sandbox/alipay_plus/wallet/{paymentId}", Show);
        app.MapPost("/sandbox/alipay_plus/wallet/{paymentId}/pay", Pay);
    }

    private static IResult Show(string paymentId, AlipayPlusStore store, TimeProvider time)
    {
        if (store.FindByPaymentId(paymentId) is not { } payment)
        {
            return Results.NotFound();
        }

        var state = payment.StatusAt(time.GetUtcNow()) == "PROCESSING"
            ? $"<form method=\"post\" action=\"/sandbox/alipay_plus/wallet/{WebUtility.UrlEncode(paymentId)}/pay\"><button id=\"pay\" type=\"submit\">Pay</button></form>"
            : $"<p id=\"state\">{WebUtility.HtmlEncode(payment.Status)}</p>";
        var html = $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{payment.Terms.PaymentMethodType}</title></head><body>"
            + $"<h1>{WebUtility.HtmlEncode(payment.Terms.PaymentMethodType)}</h1><p>{WebUtility.HtmlEncode(payment.Terms.Description)}</p>"
            + $"<p id=\"amount\">{payment.Terms.Value} {WebUtility.HtmlEncode(payment.Terms.Currency)} (minor units)</p>{state}</body></html>";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static IResult Pay(string paymentId, AlipayPlusStore store, AlipayPlusNotificationQueue queue, TimeProvider time)
    {
        if (store.FindByPaymentId(paymentId) is not { } payment)
        {
            return Results.NotFound();
        }

        var now = time.GetUtcNow();
        if (payment.Pay(now))
        {
            AlipayPlusApi.Notify(payment, AlipayPlusNotifications.Payment(payment), queue, now);
        }

        return Results.Redirect(payment.Terms.RedirectUrl.AbsoluteUri);
    }
}
