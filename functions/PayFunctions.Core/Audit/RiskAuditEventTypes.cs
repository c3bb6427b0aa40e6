namespace PayFunctions.Core.Audit;

public static partial class AuditEventTypes
{
    /// <summary>An operator released a payment risk had held for review.</summary>
    public const string RiskReviewReleased = "risk_review.released";
}
