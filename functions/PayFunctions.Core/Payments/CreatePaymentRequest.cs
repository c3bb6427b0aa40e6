using PayFunctions.Core.Http;

namespace PayFunctions.Core.Payments;

/// <summary>The body of <c>POST /api/v1/payments</c>.</summary>
public sealed record CreatePaymentRequest(
    [property: RequiredParameter] long? Amount,
    [property: RequiredParameter] string? Currency,
    [property: RequiredParameter] string? Method,
    [property: RequiredParameter] string? MerchantOrderId,
    [property: RequiredParameter] string? Description,
    int? ExpiresInSeconds,
    SplitBody? Split,
    Dictionary<string, string>? Metadata,
    string? PaymentCode,
    string? ReturnUrl,
    PayerBody? Payer)
{
    /// <summary>With <c>method: "checkout"</c>, the methods the payer may pick on the checkout page.</summary>
    public IReadOnlyList<string>? PaymentMethodTypes { get; init; }

    /// <summary><c>automatic</c> (the default) or <c>manual</c>: hold the payer's money until the merchant captures it.</summary>
    public string? CaptureMethod { get; init; }
}

/// <summary>
/// The payer, for methods that need to know them: their id at the channel (a WeChat openid) and their IP address;
/// and, when known, their country (ISO 3166-1 alpha-2), which narrows the methods offered to those serving it.
/// </summary>
public sealed record PayerBody(string? Id, string? Ip)
{
    public string? Country { get; init; }

    /// <summary>The merchant's stable id of the payer's device (an app install or browser id), for risk's per-device windows only.</summary>
    public string? DeviceId { get; init; }
}
