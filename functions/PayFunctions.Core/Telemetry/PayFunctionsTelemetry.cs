using System.Diagnostics;

namespace PayFunctions.Core.Telemetry;

/// <summary>The platform's own trace source; the hosts' OpenTelemetry setup listens to it next to ASP.NET Core's and the Azure SDK's.</summary>
public static class PayFunctionsTelemetry
{
    public const string SourceName = "PayFunctions";

    public static readonly ActivitySource Source = new(SourceName);
}
