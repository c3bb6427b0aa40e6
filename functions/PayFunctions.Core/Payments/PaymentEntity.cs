using System.Runtime.Serialization;
using PayFunctions.Core.Fx;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>One payment, partitioned by merchant so that a lookup with another merchant's id finds nothing.</summary>
public sealed class PaymentEntity : TableRow
{
    public string MerchantOrderId { get; set; } = "";

    public string Method { get; set; } = "";

    public string Channel { get; set; } = "";

    /// <summary>The platform's account at <see cref="Channel"/> the order was placed with.</summary>
    public string ChannelAccount { get; set; } = "";

    public long Amount { get; set; }

    public string Currency { get; set; } = "";

    public string Description { get; set; } = "";

    public string Status { get; set; } = nameof(PaymentStatus.RequiresAction);

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The order is at the channel: what the payer does next is known (or there is nothing to do).</summary>
    public bool PlacedAtChannel { get; set; }

    /// <summary>What the payer does next, as the merchant API shows it (a QR code, a redirect, SDK parameters).</summary>
    public string? NextActionJson { get; set; }

    /// <summary>
    /// For a channel whose page the payer's browser reaches by posting a signed form, that form: the API shows a
    /// redirect to the platform's page that posts it, and only that page reads it.
    /// </summary>
    public string? PayerFormJson { get; set; }

    /// <summary>The channel's own id of the order, for channels that name orders themselves; passed back on every later call.</summary>
    public string? ChannelOrderId { get; set; }

    /// <summary>Manual capture: the payer's money is held at the channel until the merchant captures it.</summary>
    public bool CaptureLater { get; set; }

    /// <summary>For a payment that requires capture, when the platform releases the authorization if the merchant has not captured it.</summary>
    public DateTimeOffset? CaptureBefore { get; set; }

    public string? ChannelTradeNo { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The merchant's fee when the payment was made: a later change of terms does not reach back.</summary>
    public int FeeBasisPoints { get; set; }

    public long FeeFixedMinorUnits { get; set; }

    public string? SplitRuleJson { get; set; }

    public string? AllocationsJson { get; set; }

    public string? MetadataJson { get; set; }

    /// <summary>For a checkout payment, the methods the payer may pick, comma-separated.</summary>
    public string? PaymentMethodTypes { get; set; }

    /// <summary>
    /// For a checkout payment, the method the payer picked, written before the pick is routed and handed to the
    /// orchestration: a payment takes one pick, so a later pick finds this and costs no routing decision.
    /// </summary>
    public string? CheckoutPick { get; set; }

    /// <summary>When <see cref="CheckoutPick"/> was claimed: a claim never handed on lapses after <c>CheckoutPicks.ClaimLease</c>.</summary>
    public DateTimeOffset? CheckoutPickedAt { get; set; }

    /// <summary>The payer's country (ISO 3166-1 alpha-2) when known: the checkout page offers only methods serving it.</summary>
    public string? PayerCountry { get; set; }

    /// <summary>
    /// The payer's region for reports (an ISO 3166-2 code of a Chinese province, or a country's alpha-2 code), located
    /// from the payer's address when the platform saw one; the address itself is not kept here.
    /// </summary>
    public string? PayerRegion { get; set; }

    /// <summary>The payer's pseudonym (see <c>PayerPseudonyms</c>) when the payer's id was given; never the id itself.</summary>
    public string? PayerPseudonym { get; set; }

    /// <summary>
    /// For a payment in another currency than its merchant's settlement currency, the quote locked at creation, as
    /// the API shows it (<see cref="Fx.FxBody"/>): the capture, its split and every refund use this rate.
    /// </summary>
    public string? FxQuoteJson { get; set; }

    /// <summary>The routing decision made at creation (<see cref="Routing.RoutingBody"/> JSON); null for a payment routed before decisions were kept.</summary>
    public string? RoutingJson { get; set; }

    /// <summary>Each account the order was tried at, in order, as JSON.</summary>
    public string? RouteAttemptsJson { get; set; }

    /// <summary>Where the checkout page's result sends the payer back to the merchant.</summary>
    public string? ReturnUrl { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureMessage { get; set; }

    /// <summary>The channel's trade number of money that arrived after the payment ended; it is refunded.</summary>
    public string? LatePaymentTradeNo { get; set; }

    /// <summary>What the channel collected after the payment ended, in minor units: the amount refunded.</summary>
    public long? LatePaymentAmount { get; set; }

    /// <summary>Each risk decision on the payment (<see cref="Risk.RiskDecisionBody"/> JSON), before the channel and on its result.</summary>
    public string? RiskJson { get; set; }

    /// <summary>For a payment a decision sent to review: <see cref="Risk.RiskReviews.Pending"/> until an operator releases it.</summary>
    public string? RiskReview { get; set; }

    /// <summary>The capture was posted to the parties' risk-hold accounts, not their payables: a release moves it.</summary>
    public bool RiskHeld { get; set; }

    /// <summary>Made with a test key: routed to sandbox accounts only and posted to the test book. Rows from before there were modes are live.</summary>
    public bool TestMode { get; set; }

    [IgnoreDataMember]
    public string Id => RowKey;

    [IgnoreDataMember]
    public string MerchantId => PartitionKey;

    [IgnoreDataMember]
    public PaymentStatus StatusValue => Enum.Parse<PaymentStatus>(Status);

    [IgnoreDataMember]
    public FeeSchedule Fee => new(FeeBasisPoints, FeeFixedMinorUnits);

    [IgnoreDataMember]
    public Money AmountValue => new(Amount, Domain.Currency.Parse(Currency));

    [IgnoreDataMember]
    public FxQuote? Fx => FxBody.QuoteOf(FxQuoteJson, Currency);
}
