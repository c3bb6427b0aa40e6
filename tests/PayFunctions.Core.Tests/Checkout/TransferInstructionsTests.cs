using System.Text;
using System.Text.Json.Nodes;
using PayFunctions.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Checkout;

/// <summary>The channel-neutral <c>display_transfer_instructions</c>: its JSON in the API and its view on the cashier page.</summary>
public sealed class TransferInstructionsTests
{
    private static readonly DisplayTransferInstructions Action = new(
        "Shop <b>&</b> Co", "DE89370400440532013000", "COBADEFFXXX", new Money(1_234_50, Currency.Parse("EUR")), "RF18539007547034");

    [Fact]
    public void The_api_shows_every_detail_the_payer_needs_under_its_type()
    {
        var json = JsonNode.Parse(NextActionBody.Serialize(Action, "any"))!;

        Assert.Equal("display_transfer_instructions", (string?)json["type"]);
        var body = json["display_transfer_instructions"]!;
        Assert.Equal(
            (123450L, "EUR", "RF18539007547034", "Shop <b>&</b> Co", "DE89370400440532013000", "COBADEFFXXX"),
            ((long)body["amount"]!, (string?)body["currency"], (string?)body["reference"], (string?)body["account_holder_name"], (string?)body["iban"], (string?)body["bic"]));
        Assert.Null(json["display_qr_code"]);
        Assert.Equal(NextActionBody.From(Action, "any").DisplayTransferInstructions, NextActionBody.Deserialize(json.ToJsonString())!.DisplayTransferInstructions);
    }

    [Fact]
    public void The_cashier_page_shows_them_encoded_and_grouped_as_printed()
    {
        var html = new StringBuilder();
        TransferInstructionsDetails.Append(html, NextActionBody.From(Action, "any").DisplayTransferInstructions!, CashierText.English);

        var page = html.ToString();
        Assert.Contains("""<dd data-field="holder">Shop &lt;b&gt;&amp;&lt;/b&gt; Co</dd>""", page, StringComparison.Ordinal);
        Assert.Contains("""<dd data-field="iban">DE89 3704 0044 0532 0130 00</dd>""", page, StringComparison.Ordinal);
        Assert.Contains("""<dd data-field="amount">1,234.50 EUR</dd>""", page, StringComparison.Ordinal);
        Assert.Contains("""<dd data-field="reference">RF18 5390 0754 7034</dd>""", page, StringComparison.Ordinal);
        Assert.Contains("""<dd data-field="bic">COBADEFFXXX</dd>""", page, StringComparison.Ordinal);
    }
}
