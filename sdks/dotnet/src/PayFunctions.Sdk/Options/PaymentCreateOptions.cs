namespace PayFunctions;

/// <summary>The body of a payment create (<c>POST /v1/payments</c>).</summary>
public sealed class PaymentCreateOptions
{
    /// <summary>The amount in the currency's minor unit (fen, cents).</summary>
    public long? Amount { get; set; }

    /// <summary>The ISO 4217 currency, such as <c>cny</c>.</summary>
    public string? Currency { get; set; }

    /// <summary>The payment method, such as <c>wechat_pay.native</c>.</summary>
    public string? Method { get; set; }

    /// <summary>The merchant's own order reference.</summary>
    public string? MerchantOrderId { get; set; }

    /// <summary>What is being paid for.</summary>
    public string? Description { get; set; }

    /// <summary>How long the payer has to pay.</summary>
    public int? ExpiresInSeconds { get; set; }

    /// <summary>How the net amount is split among connected accounts.</summary>
    public Split? Split { get; set; }

    /// <summary>The merchant's key-value data.</summary>
    public Dictionary<string, string>? Metadata { get; set; }

    /// <summary>The code a payer's app shows, for in-store code payments.</summary>
    public string? PaymentCode { get; set; }

    /// <summary>Where the payer returns after a redirect.</summary>
    public string? ReturnUrl { get; set; }

    /// <summary>Who pays, for risk decisions.</summary>
    public PayerOptions? Payer { get; set; }

    /// <summary>The methods a hosted checkout offers, instead of one <see cref="Method"/>.</summary>
    public List<string>? PaymentMethodTypes { get; set; }

    /// <summary><c>automatic</c> (default) or <c>manual</c>, to capture later.</summary>
    public string? CaptureMethod { get; set; }
}

/// <summary>Who pays.</summary>
public sealed class PayerOptions
{
    /// <summary>The merchant's identifier of the payer.</summary>
    public string? Id { get; set; }

    /// <summary>The payer's IP address.</summary>
    public string? Ip { get; set; }

    /// <summary>The payer's country, ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }

    /// <summary>The payer's device.</summary>
    public string? DeviceId { get; set; }
}
