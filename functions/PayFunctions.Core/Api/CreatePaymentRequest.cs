namespace PayFunctions.Core.Api;

/// <summary>The body of <c>POST /api/v1/payments</c>.</summary>
public sealed record CreatePaymentRequest(
    long? Amount,
    string? Currency,
    string? Method,
    string? MerchantOrderId,
    string? Description,
    int? ExpiresInSeconds,
    SplitBody? Split,
    Dictionary<string, string>? Metadata);
