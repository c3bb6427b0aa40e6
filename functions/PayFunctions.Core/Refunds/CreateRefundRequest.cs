namespace PayFunctions.Core.Refunds;

/// <summary>The body of a refund create; every field is optional.</summary>
/// <param name="Amount">Minor units to give back; the whole refundable remainder when absent.</param>
public sealed record CreateRefundRequest(long? Amount, string? Reason, Dictionary<string, string>? Metadata);
