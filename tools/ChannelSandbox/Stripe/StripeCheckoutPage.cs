using System.Globalization;
using System.Net;

namespace ChannelSandbox.Stripe;

/// <summary>
/// Stripe's hosted pages, as the payer's browser sees them: the Checkout page (<c>/c/pay/{session}</c>) that takes the card
/// (number, expiry, CVC: kept here, never sent to the merchant), and the issuer's 3-D Secure challenge (<c>/3ds/{intent}</c>)
/// with complete and fail buttons. Success sends the payer to the session's <c>success_url</c>.
/// </summary>
public static class StripeCheckoutPage
{
    public static void MapStripeCheckoutPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/c/pay/{id}", (string id, StripeStore store, TimeProvider time) =>
            store.Session(id) is { } session ? Page(CheckoutHtml(session, time.GetUtcNow(), null)) : Missing());
        app.MapPost("/c/pay/{id}", async (string id, HttpRequest request, StripeStore store, StripePayments payments, TimeProvider time) =>
        {
            if (store.Session(id) is not { } session || !request.HasFormContentType)
            {
                return Missing();
            }

            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            var attempt = payments.Confirm(session, StripeTestCards.Normalize(form["cardnumber"]), new Uri($"{request.Scheme}://{request.Host}/"), notify: true);
            return attempt.RedirectTo is { } next ? Results.Redirect(next) : Page(CheckoutHtml(session, time.GetUtcNow(), attempt.Error));
        });
        app.MapGet("/3ds/{id}", (string id, StripeStore store) =>
            store.PaymentIntent(id) is { Status: "requires_action" } intent ? Page(ChallengeHtml(intent)) : Missing());
        app.MapPost("/3ds/{id}", async (string id, HttpRequest request, StripeStore store, StripePayments payments, TimeProvider time) =>
        {
            if (store.PaymentIntent(id) is not { } intent || !request.HasFormContentType)
            {
                return Missing();
            }

            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            var attempt = payments.Authenticate(intent, form["result"] == "complete", notify: true);
            return Results.Redirect(attempt.RedirectTo ?? "/c/pay/" + intent.Session.Id);
        });
    }

    private static string CheckoutHtml(StripeSession session, DateTimeOffset now, string? error)
    {
        var amount = Amount(session);
        var body = session.IsOpen(now)
            ? $"""
              <form id="payment-form" method="post" action="/c/pay/{E(session.Id)}">
                <label>Card number <input name="cardnumber" inputmode="numeric" autocomplete="cc-number" required></label>
                <label>Expiry (MM / YY) <input name="exp-date" autocomplete="cc-exp" required></label>
                <label>CVC <input name="cvc" inputmode="numeric" autocomplete="cc-csc" required></label>
                {(error is null ? string.Empty : $"<p role=\"alert\" class=\"error\">{E(error)}</p>")}
                <button type="submit">Pay {E(amount)}</button>
              </form>
              """
            : $"<p role=\"alert\">This Checkout Session is no longer available ({E(session.Status)}).</p>";
        return $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Checkout – Stripe sandbox</title></head>
            <body><main><h1>{E(session.ProductName)}</h1><p class="amount">{E(amount)}</p>{body}</main></body></html>
            """;
    }

    private static string ChallengeHtml(StripePaymentIntent intent) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>3D Secure 2 Test Page</title></head>
        <body><main><h1>3D Secure 2 Test Page</h1><p>Authenticate the payment of {E(Amount(intent.Session))}.</p>
        <form id="challenge" method="post" action="/3ds/{E(intent.Id)}">
          <button type="submit" name="result" value="complete">Complete</button>
          <button type="submit" name="result" value="fail">Fail</button>
        </form></main></body></html>
        """;

    private static string Amount(StripeSession session) =>
        session.Currency.ToUpperInvariant() + " " + session.Amount.ToString(CultureInfo.InvariantCulture) + " (smallest unit)";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static IResult Page(string html) => Results.Content(html, "text/html; charset=utf-8");

    private static IResult Missing() => Results.Content("<!doctype html><p>Not found</p>", "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
