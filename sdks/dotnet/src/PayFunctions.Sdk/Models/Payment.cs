using System.Text.Json;

namespace PayFunctions;

/// <summary>A payment: an amount a payer is asked for through a channel, and what became of it.</summary>
public sealed class Payment : PayFunctionsEntity, IHasId
{
    /// <summary>The identifier, <c>pay_…</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Always <c>payment</c>.</summary>
    public string Object { get; set; } = "payment";

    /// <summary>The amount in the currency's minor unit (fen, cents).</summary>
    public long Amount { get; set; }

    /// <summary>The ISO 4217 currency, lower case.</summary>
    public string Currency { get; set; } = "";

    /// <summary><c>processing</c>, <c>requires_action</c>, <c>requires_capture</c>, <c>succeeded</c>, <c>failed</c>,
    /// <c>closed</c> or <c>expired</c>.</summary>
    public string Status { get; set; } = "";

    /// <summary>The payment method, such as <c>wechat_pay.native</c>.</summary>
    public string Method { get; set; } = "";

    /// <summary>The channel the payment was routed to.</summary>
    public string Channel { get; set; } = "";

    /// <summary>The channel account the payment was routed to.</summary>
    public string ChannelAccount { get; set; } = "";

    /// <summary>The merchant's own order reference.</summary>
    public string MerchantOrderId { get; set; } = "";

    /// <summary>What is being paid for.</summary>
    public string Description { get; set; } = "";

    /// <summary>When the payment was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When an unpaid payment expires.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>What the payer must do next (scan a QR code, follow a redirect), while <see cref="Status"/> is
    /// <c>requires_action</c>.</summary>
    public NextAction? NextAction { get; set; }

    /// <summary>The channel's own transaction number, once paid.</summary>
    public string? ChannelTradeNo { get; set; }

    /// <summary>When the payer paid.</summary>
    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>How the net amount is split among connected accounts.</summary>
    public Split? Split { get; set; }

    /// <summary>Who receives what of a paid payment (platform fee, split recipients, merchant).</summary>
    public List<Allocation>? Allocations { get; set; }

    /// <summary>Why the payment failed.</summary>
    public string? FailureCode { get; set; }

    /// <summary>The failure explained.</summary>
    public string? FailureMessage { get; set; }

    /// <summary>The merchant's key-value data.</summary>
    public Dictionary<string, string>? Metadata { get; set; }

    /// <summary>Whether the payment was made with a live key.</summary>
    public bool Livemode { get; set; }

    /// <summary>The methods the hosted checkout offers.</summary>
    public List<string>? PaymentMethodTypes { get; set; }

    /// <summary>The hosted checkout page of the payment.</summary>
    public string? CheckoutUrl { get; set; }

    /// <summary><c>automatic</c> or <c>manual</c>.</summary>
    public string? CaptureMethod { get; set; }

    /// <summary>When an authorised, uncaptured payment is released.</summary>
    public DateTimeOffset? CaptureBefore { get; set; }

    /// <summary>The FX quote locked for a payment in another currency than the merchant settles in.</summary>
    public FxQuote? Fx { get; set; }

    /// <summary>How the payment was routed.</summary>
    public PaymentRouting? Routing { get; set; }

    /// <summary>What risk decided on the payment.</summary>
    public PaymentRisk? Risk { get; set; }
}

/// <summary>What the payer must do next.</summary>
public sealed class NextAction : PayFunctionsEntity
{
    /// <summary><c>display_qr_code</c>, <c>redirect_to_url</c>, <c>use_sdk</c> or
    /// <c>display_transfer_instructions</c>; the member of that name is set.</summary>
    public string Type { get; set; } = "";

    /// <summary>The QR code to show.</summary>
    public DisplayQrCode? DisplayQrCode { get; set; }

    /// <summary>The page to send the payer to.</summary>
    public RedirectToUrl? RedirectToUrl { get; set; }

    /// <summary>The parameters for the channel's app SDK.</summary>
    public UseSdk? UseSdk { get; set; }

    /// <summary>The bank transfer to make.</summary>
    public TransferInstructions? DisplayTransferInstructions { get; set; }
}

/// <summary>A QR code to show the payer.</summary>
public sealed class DisplayQrCode : PayFunctionsEntity
{
    /// <summary>The text the QR code encodes.</summary>
    public string Data { get; set; } = "";
}

/// <summary>A page to send the payer to.</summary>
public sealed class RedirectToUrl : PayFunctionsEntity
{
    /// <summary>The page's address.</summary>
    public string Url { get; set; } = "";
}

/// <summary>The parameters a channel's app SDK takes.</summary>
public sealed class UseSdk : PayFunctionsEntity
{
    /// <summary>The channel.</summary>
    public string Channel { get; set; } = "";

    /// <summary>The parameters to pass to the channel's SDK.</summary>
    public JsonElement Parameters { get; set; }
}

/// <summary>A bank transfer the payer must make.</summary>
public sealed class TransferInstructions : PayFunctionsEntity
{
    /// <summary>The amount to transfer, in minor units.</summary>
    public long Amount { get; set; }

    /// <summary>The currency.</summary>
    public string Currency { get; set; } = "";

    /// <summary>The reference the transfer must carry.</summary>
    public string Reference { get; set; } = "";

    /// <summary>The beneficiary.</summary>
    public string AccountHolderName { get; set; } = "";

    /// <summary>The beneficiary's IBAN.</summary>
    public string Iban { get; set; } = "";

    /// <summary>The beneficiary bank's BIC.</summary>
    public string? Bic { get; set; }
}

/// <summary>One share of a paid payment.</summary>
public sealed class Allocation : PayFunctionsEntity
{
    /// <summary>The receiving account.</summary>
    public string Account { get; set; } = "";

    /// <summary><c>platform_fee</c>, <c>recipient</c> or <c>merchant</c>.</summary>
    public string Role { get; set; } = "";

    /// <summary>The share, in minor units.</summary>
    public long Amount { get; set; }

    /// <summary>The currency.</summary>
    public string Currency { get; set; } = "";
}

/// <summary>How a payment's net amount is split among connected accounts.</summary>
public sealed class Split : PayFunctionsEntity
{
    /// <summary>The recipients.</summary>
    public List<SplitRecipient>? Recipients { get; set; }
}

/// <summary>A connected account's share of a payment: basis points of the net, or a fixed amount.</summary>
public sealed class SplitRecipient : PayFunctionsEntity
{
    /// <summary>The connected account, <c>acct_…</c>.</summary>
    public string? Account { get; set; }

    /// <summary>The share in basis points of the net (1000 = 10 %).</summary>
    public int? BasisPoints { get; set; }

    /// <summary>A fixed share in minor units.</summary>
    public long? Amount { get; set; }
}

/// <summary>The FX quote locked when a payment was created.</summary>
public sealed class FxQuote : PayFunctionsEntity
{
    /// <summary>The currency the merchant is paid in.</summary>
    public string SettlementCurrency { get; set; } = "";

    /// <summary>The applied rate, as a decimal string.</summary>
    public string Rate { get; set; } = "";

    /// <summary>The reference rate before the margin, as a decimal string.</summary>
    public string ReferenceRate { get; set; } = "";

    /// <summary>The margin in basis points.</summary>
    public int MarginBasisPoints { get; set; }

    /// <summary>The amount owed in the settlement currency, in minor units.</summary>
    public long SettlementAmount { get; set; }

    /// <summary>The day of the rates.</summary>
    public string RatesDate { get; set; } = "";

    /// <summary>Until when the quote holds.</summary>
    public DateTimeOffset LockedUntil { get; set; }
}
