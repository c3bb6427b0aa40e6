namespace PayFunctions.Domain.Reports;

/// <summary>One counter of one day: its dimension, key and currency (ISO 4217, upper case).</summary>
public sealed record ReportCell(ReportDimension Dimension, string Key, string Currency, ReportCounters Counters);

/// <summary>What one payment is counted under: its method, channel and payer's region.</summary>
public sealed record ReportSubject(string Method, string Channel, string Region);
