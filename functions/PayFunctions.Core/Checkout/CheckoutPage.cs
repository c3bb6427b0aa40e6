using System.Globalization;
using System.Text;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Checkout;

/// <summary>
/// The cashier page's HTML for each state of the payment. Channel-neutral: what the payer sees
/// follows the method's <c>next_action</c> type, never the channel.
/// </summary>
public static class CheckoutPage
{
    public const string Choose = "choose";
    public const string Preparing = "preparing";
    public const string Action = "action";

    /// <summary>What the page shows; the page reloads when the status endpoint answers another state.</summary>
    public static string StateOf(PaymentEntity payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return payment.StatusValue switch
        {
            PaymentStatus.RequiresAction when payment.Method == CheckoutMethods.Name => Choose,
            PaymentStatus.RequiresAction when !payment.PlacedAtChannel => Preparing,
            PaymentStatus.RequiresAction => Action,
            var status => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString()),
        };
    }

    public static string FormatAmount(long minorUnits, string currencyCode)
    {
        var digits = Currency.TryParse(currencyCode, out var currency) ? currency.MinorUnitDigits : 2;
        var major = minorUnits / (decimal)Math.Pow(10, digits);
        return major.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + currencyCode.ToUpperInvariant();
    }

    /// <summary>The page for <paramref name="payment"/>; <paramref name="error"/> is shown above the choice when the last pick failed.</summary>
    public static CashierHtml Render(PaymentEntity payment, CashierText text, CheckoutAddress address, string? error = null, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(address);
        var state = StateOf(payment);
        return CashierHtml.Page(text, text.Title, nonce =>
        {
            var html = new StringBuilder();
            html.Append(CultureInfo.InvariantCulture, $"""<p class="lang"><a href="{CashierHtml.Encode(address.Relative(text.OtherLang))}" lang="{text.OtherLang}" hreflang="{text.OtherLang}">{text.OtherLangName}</a></p>""");
            html.Append(CultureInfo.InvariantCulture, $"""
                <div class="card">
                <h1>{CashierHtml.Encode(payment.Description)}</h1>
                <p class="amount" data-amount="{payment.Amount}">{CashierHtml.Encode(FormatAmount(payment.Amount, payment.Currency))}</p>
                </div>
                """);
            html.Append("""<div class="card">""");
            if (error is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<p class="error" role="alert">{CashierHtml.Encode(error)}</p>""");
            }

            var polls = true;
            switch (state)
            {
                case Choose:
                    polls = false;
                    AppendChoice(html, payment, text, address);
                    break;
                case Preparing:
                    html.Append(CultureInfo.InvariantCulture, $"""<p class="status" role="status">{CashierHtml.Encode(text.Preparing)}</p>""");
                    break;
                case Action:
                    AppendNextAction(html, payment, text, nonce);
                    break;
                default:
                    polls = false;
                    AppendResult(html, payment, text, state);
                    break;
            }

            html.Append("</div>");
            if (polls)
            {
                AppendPolling(html, nonce, address.StatusUrl, state);
            }

            return html.ToString();
        }, status);
    }

    public static CashierHtml NotFound(CashierText text) =>
        CashierHtml.Page(text, text.NotFound, _ => $"""<div class="card"><h1>{CashierHtml.Encode(text.NotFound)}</h1><p class="muted">{CashierHtml.Encode(text.NotFoundDetail)}</p></div>""", 404);

    private static void AppendChoice(StringBuilder html, PaymentEntity payment, CashierText text, CheckoutAddress address)
    {
        html.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="{CashierHtml.Encode(address.ChooseUrl)}">
            <input type="hidden" name="token" value="{CashierHtml.Encode(address.Token)}">
            <input type="hidden" name="lang" value="{text.Lang}">
            <fieldset>
            <legend>{CashierHtml.Encode(text.ChooseMethod)}</legend>
            """);
        var index = 0;
        foreach (var method in CheckoutMethods.Split(payment.PaymentMethodTypes))
        {
            if (!ChannelRegistry.TryGetMethod(method, out var module, out var capability))
            {
                continue;
            }

            var id = "method-" + index.ToString(CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"""
                <div class="option"><input type="radio" name="method" id="{id}" value="{CashierHtml.Encode(method)}"{(index == 0 ? " checked" : "")} required>
                <label for="{id}">{CashierHtml.Encode(module.Capabilities.DisplayNameIn(text.Lang))}<small>{CashierHtml.Encode(text.Describe(capability.NextAction))} · {CashierHtml.Encode(method)}</small></label></div>
                """);
            index++;
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </fieldset>
            <button class="button" type="submit">{CashierHtml.Encode(text.Continue)}</button>
            </form>
            """);
    }

    private static void AppendNextAction(StringBuilder html, PaymentEntity payment, CashierText text, string nonce)
    {
        var action = NextActionBody.Deserialize(payment.NextActionJson);
        switch (action?.Type)
        {
            case NextActionBody.DisplayQrCodeType when action.DisplayQrCode is { } qr:
                html.Append(CultureInfo.InvariantCulture, $"""<p>{CashierHtml.Encode(text.ScanQr)}</p>""");
                html.Append(QrImages.Svg(qr.Data, text.QrLabel));
                break;
            case NextActionBody.RedirectToUrlType when action.RedirectToUrl is { } redirect && IsWebAddress(redirect.Url):
                html.Append(CultureInfo.InvariantCulture, $"""
                    <p>{CashierHtml.Encode(text.RedirectHint)}</p>
                    <a class="button" id="pay-redirect" href="{CashierHtml.Encode(redirect.Url)}" rel="noreferrer">{CashierHtml.Encode(text.Redirect)}</a>
                    """);
                break;
            case NextActionBody.DisplayTransferInstructionsType when action.DisplayTransferInstructions is { } transfer:
                TransferInstructionsDetails.Append(html, transfer, text);
                break;
            case NextActionBody.UseSdkType:
                var module = ChannelRegistry.IsKnown(payment.Channel) ? ChannelRegistry.Module(payment.Channel) : null;
                var app = module?.Capabilities.DisplayNameIn(text.Lang) ?? payment.Channel;
                html.Append(CultureInfo.InvariantCulture, $"""<p class="use-sdk">{CashierHtml.Encode(CashierText.Format(text.UseApp, app))}</p>""");
                if (action.UseSdk is { } sdk && module?.Capabilities is { InAppBridge: { } bridge } capabilities && capabilities.InAppMethods.Contains(payment.Method))
                {
                    InAppBridgeScript.Append(html, nonce, bridge, sdk.Parameters, CashierText.Format(text.PayInApp, app));
                }

                break;
            default:
                html.Append(CultureInfo.InvariantCulture, $"""<p>{CashierHtml.Encode(text.NoAction)}</p>""");
                break;
        }

        html.Append(CultureInfo.InvariantCulture, $"""<p class="status" role="status">{CashierHtml.Encode(text.Waiting)}</p>""");
    }

    private static void AppendResult(StringBuilder html, PaymentEntity payment, CashierText text, string state)
    {
        var words = state switch
        {
            "succeeded" => text.Succeeded,
            "failed" => text.Failed,
            "expired" => text.Expired,
            _ => text.Closed,
        };
        html.Append(CultureInfo.InvariantCulture, $"""<p class="result" role="status" data-result="{state}">{CashierHtml.Encode(words)}</p>""");
        if (payment.ReturnUrl is { } returnUrl && IsWebAddress(returnUrl))
        {
            html.Append(CultureInfo.InvariantCulture, $"""<a class="button secondary" href="{CashierHtml.Encode(returnUrl)}">{CashierHtml.Encode(text.BackToMerchant)}</a>""");
        }
    }

    /// <summary>Every two seconds, the status endpoint; another state reloads the page, which renders it.</summary>
    private static void AppendPolling(StringBuilder html, string nonce, string statusUrl, string state) =>
        html.Append(CultureInfo.InvariantCulture, $$"""
            <script nonce="{{nonce}}">
            (function () {
              var url = {{System.Text.Json.JsonSerializer.Serialize(statusUrl, ScriptJson)}}, state = {{System.Text.Json.JsonSerializer.Serialize(state, ScriptJson)}};
              function poll() {
                fetch(url, { cache: "no-store", credentials: "omit" })
                  .then(function (r) { return r.ok ? r.json() : null; })
                  .then(function (s) { if (s && s.state !== state) { location.reload(); } else { setTimeout(poll, 2000); } })
                  .catch(function () { setTimeout(poll, 2000); });
              }
              setTimeout(poll, 2000);
            })();
            </script>
            """);

    /// <summary>JSON that is safe inside a script element: <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped.</summary>
    internal static readonly System.Text.Json.JsonSerializerOptions ScriptJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };

    internal static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}

/// <summary>The addresses of one payment's cashier page, all carrying its token.</summary>
public sealed record CheckoutAddress(string PaymentId, string Token, string PageUrl, string ChooseUrl, string StatusUrl)
{
    /// <summary>The page in <paramref name="lang"/>, relative so it stays on whatever host served it.</summary>
    public string Relative(string lang) => "?token=" + Uri.EscapeDataString(Token) + "&lang=" + lang;
}
