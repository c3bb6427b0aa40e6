namespace PayFunctions.Core.Audit;

/// <summary>The anti-money-laundering events. They are stored and queried by operators: never rename one.</summary>
public static partial class AuditEventTypes
{
    public const string AmlReportRun = "aml_report.run";
    public const string AmlCaseOpened = "aml_case.opened";
    public const string AmlCaseNoted = "aml_case.noted";
    public const string AmlCaseEscalated = "aml_case.escalated";
    public const string AmlCaseClosed = "aml_case.closed";
}
