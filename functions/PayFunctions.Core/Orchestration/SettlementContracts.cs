namespace PayFunctions.Core.Orchestration;

/// <summary>Settle everything posted before the start of <paramref name="SettlementDate"/> (yyyy-MM-dd) in the settlement time zone.</summary>
public sealed record SettlementInput(string SettlementDate);

public sealed record SettlementPlanItem(string SettlementId, string AccountId, long Amount, string Currency, string SettlementDate, DateTimeOffset CutoffUtc);

public static class SettlementInstances
{
    /// <summary>One orchestration per day: a second start of the same day is a no-op.</summary>
    public static string IdFor(DateOnly date) => "settlement_" + date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}
