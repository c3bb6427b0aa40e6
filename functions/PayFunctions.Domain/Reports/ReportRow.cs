namespace PayFunctions.Domain.Reports;

/// <summary>One row of a report: a key, a currency and what was counted under them in the window.</summary>
public sealed record ReportRow(string Key, string Currency, ReportCounters Counters);
