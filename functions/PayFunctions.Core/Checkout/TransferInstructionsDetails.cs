using System.Globalization;
using System.Text;
using PayFunctions.Core.Payments;

namespace PayFunctions.Core.Checkout;

/// <summary>
/// The cashier page's view of <c>display_transfer_instructions</c>: the account, the exact amount and the reference,
/// each in its own element so a payer can copy it. The IBAN and reference are shown in groups of four, as printed on
/// paper; what is copied is the same text, which banks accept with or without the spaces.
/// </summary>
internal static class TransferInstructionsDetails
{
    public static void Append(StringBuilder html, DisplayTransferInstructionsBody transfer, CashierText text)
    {
        html.Append(CultureInfo.InvariantCulture, $"""<p>{CashierHtml.Encode(text.TransferHint)}</p><dl class="transfer-instructions">""");
        Row(html, text.TransferLabels[0], "holder", transfer.AccountHolderName);
        Row(html, text.TransferLabels[1], "iban", Grouped(transfer.Iban));
        if (transfer.Bic is { } bic)
        {
            Row(html, text.TransferLabels[2], "bic", bic);
        }

        Row(html, text.TransferLabels[3], "amount", CheckoutPage.FormatAmount(transfer.Amount, transfer.Currency));
        Row(html, text.TransferLabels[4], "reference", Grouped(transfer.Reference));
        html.Append("</dl>");
    }

    private static void Row(StringBuilder html, string label, string field, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"""<dt>{CashierHtml.Encode(label)}</dt><dd data-field="{field}">{CashierHtml.Encode(value)}</dd>""");

    internal static string Grouped(string value) =>
        string.Join(' ', value.Chunk(4).Select(chunk => new string(chunk)));
}
