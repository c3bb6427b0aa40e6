using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PayFunctions.Core.Telemetry;

/// <summary>The platform's own trace source and meter; the hosts' OpenTelemetry setup listens to them next to ASP.NET Core's and the Azure SDK's.</summary>
public static class PayFunctionsTelemetry
{
    public const string SourceName = "PayFunctions";

    /// <summary>One call to a channel account through its pipeline: every attempt, the waits for the account's permit and the retries' backoff.</summary>
    public const string ChannelCallSpan = "channel.call";

    /// <summary>The time a create request waits for its orchestration to place the order at the channel.</summary>
    public const string PaymentWaitSpan = "payment.wait";

    public static readonly ActivitySource Source = new(SourceName);

    public static readonly Meter Meter = new(SourceName);
}
