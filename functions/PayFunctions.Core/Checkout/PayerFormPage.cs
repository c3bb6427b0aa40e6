using System.Globalization;
using System.Text;

namespace PayFunctions.Core.Checkout;

/// <summary>
/// The page that hands the payer to a channel whose payment page is reached by posting a signed form: the stored
/// form, every value encoded, submitted by a nonce'd script, with a button when scripts do not run.
/// </summary>
public static class PayerFormPage
{
    /// <summary>The form's target, when it is a web address the page may post to.</summary>
    public static Uri? Target(PayerForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Uri.TryCreate(form.Action, UriKind.Absolute, out var action) && action.Scheme is "https" or "http" ? action : null;
    }

    public static CashierHtml Render(PayerForm form, Uri target, CashierText text)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(text);
        return CashierHtml.Page(text, text.Title, nonce =>
        {
            var html = new StringBuilder();
            html.Append(CultureInfo.InvariantCulture, $"""
                <div class="card">
                <h1>{CashierHtml.Encode(text.Title)}</h1>
                <form id="payer-form" method="post" action="{CashierHtml.Encode(target.AbsoluteUri)}" accept-charset="UTF-8">
                """);
            foreach (var (name, value) in form.Fields)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<input type="hidden" name="{CashierHtml.Encode(name)}" value="{CashierHtml.Encode(value)}">""");
            }

            html.Append(CultureInfo.InvariantCulture, $"""
                <p class="status" role="status">{CashierHtml.Encode(text.Forwarding)}</p>
                <noscript><button class="button" type="submit">{CashierHtml.Encode(text.Redirect)}</button></noscript>
                </form>
                </div>
                <script nonce="{nonce}">document.getElementById("payer-form").submit();</script>
                """);
            return html.ToString();
        }, postsTo: target);
    }
}
