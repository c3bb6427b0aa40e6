namespace PayFunctions.Core.Merchants;

/// <summary>The body of <c>POST /api/ops/merchants</c>.</summary>
public sealed record CreateMerchantRequest(string? Name, string? WebhookUrl, int? FeeBasisPoints);
