using System.Globalization;
using PayFunctions.Core.Checkout;

namespace PayFunctions.Core.Stores;

/// <summary>The small page a store code opens: the amount to pay (entered, or the store's fixed one).</summary>
public static class StorePage
{
    public static CashierHtml Render(StoreEntity store, CashierText text, string formUrl, string nonce, string? error = null, string? amount = null, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(text);
        return CashierHtml.Page(text, store.Name, _ =>
        {
            var amountField = store.Amount is { } fixedAmount
                ? $"""<p class="amount">{CashierHtml.Encode(CheckoutPage.FormatAmount(fixedAmount, store.Currency))}</p>"""
                : $"""
                    <label class="field" for="amount">{CashierHtml.Encode(CashierText.Format(text.AmountLabel, store.Currency))}</label>
                    <input type="text" id="amount" name="amount" inputmode="decimal" autocomplete="off" required maxlength="16" value="{CashierHtml.Encode(amount)}"{(error is null ? "" : " aria-invalid=\"true\" aria-describedby=\"amount-error\"")}>
                    """;
            var errorLine = error is null ? "" : $"""<p class="error" id="amount-error" role="alert">{CashierHtml.Encode(error)}</p>""";
            return string.Create(CultureInfo.InvariantCulture, $"""
                <p class="lang"><a href="?lang={text.OtherLang}" lang="{text.OtherLang}" hreflang="{text.OtherLang}">{text.OtherLangName}</a></p>
                <div class="card">
                <h1>{CashierHtml.Encode(store.Name)}</h1>
                <form method="post" action="{CashierHtml.Encode(formUrl)}">
                <input type="hidden" name="nonce" value="{CashierHtml.Encode(nonce)}">
                <input type="hidden" name="lang" value="{text.Lang}">
                {amountField}
                {errorLine}
                <button class="button" type="submit">{CashierHtml.Encode(text.Pay)}</button>
                </form>
                </div>
                """);
        }, status);
    }
}
