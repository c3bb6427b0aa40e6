namespace PayFunctions.Domain.Aml;

/// <summary>Runs every detector over one day's payments and payouts.</summary>
public static class AmlMonitor
{
    /// <summary>The day's detections in a stable order, and the payments no rate could measure (reported, never silently passed).</summary>
    public static AmlFindings Run(DateOnly day, IReadOnlyList<AmlTransaction> transactions, IReadOnlyList<AmlPayout> payouts, AmlRules rules, AmlMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(measure);
        var unmeasured = transactions.Where(t => !measure.TryMeasure(t.Amount, out _, out _)).Select(t => t.Id).Order(StringComparer.Ordinal).ToArray();
        return new AmlFindings(
            LargeValueDetector.Detect(day, transactions, rules, measure),
            AmlDetection.Sorted([
                .. StructuringDetector.Detect(day, transactions, rules, measure),
                .. RapidInOutDetector.Detect(day, transactions, payouts, rules, measure),
                .. FunnellingDetector.Detect(day, transactions, rules)]),
            unmeasured);
    }
}

/// <summary>A day's findings: large values (reported as such) and suspicious patterns (each opens a case).</summary>
public sealed record AmlFindings(IReadOnlyList<AmlDetection> LargeValues, IReadOnlyList<AmlDetection> Suspicious, IReadOnlyList<string> Unmeasured);
