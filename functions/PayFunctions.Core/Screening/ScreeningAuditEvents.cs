namespace PayFunctions.Core.Audit;

/// <summary>The audit events of sanctions screening.</summary>
public static partial class AuditEventTypes
{
    public const string SanctionsListReplaced = "sanctions_list.replaced";
    public const string ScreeningHitReviewed = "screening_hit.reviewed";
}
