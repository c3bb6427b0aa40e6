using PayFunctions.Core.Http;

namespace PayFunctions.Core.Merchants;

/// <summary>The body of <c>POST /api/ops/merchants</c>.</summary>
public sealed record CreateMerchantRequest([property: RequiredParameter] string? Name, string? WebhookUrl, int? FeeBasisPoints)
{
    /// <summary>The ISO 4217 code the merchant is paid in; CNY when not given.</summary>
    public string? SettlementCurrency { get; init; }
}
