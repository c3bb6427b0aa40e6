using System.Diagnostics;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.Telemetry;

/// <summary>
/// Which spans the overhead measure measures (a create request, a durable activity's execution) and which spans are
/// someone else's time inside them (storage and engine calls, outgoing HTTP, channel calls, the create's wait).
/// </summary>
public static class OverheadSpans
{
    public const string AspNetCoreSource = "Microsoft.AspNetCore";
    public const string HttpClientSource = "System.Net.Http";
    public const string GrpcClientSource = "Grpc.Net.Client";
    public const string DurableTaskSource = "Microsoft.DurableTask";

    /// <summary>Every Azure SDK client's source starts so: tables, queues, blobs, Service Bus, Key Vault.</summary>
    public const string AzureSdkSourcePrefix = "Azure.";

    public const string CreateKind = "create";
    public const string ActivityKindPrefix = "activity:";

    private static readonly string CreateRoute = "api/" + ApiRoutes.CreatePayment.Template;

    /// <summary>
    /// Time spent outside the platform's own code: a storage call, an HTTP call (a gRPC call to the Durable backend is
    /// one too), a channel call or the create's wait.
    /// </summary>
    public static bool IsExcluded(Activity span) =>
        span.Source.Name.StartsWith(AzureSdkSourcePrefix, StringComparison.Ordinal)
        || span.Source.Name is HttpClientSource or GrpcClientSource
        || (span.Source.Name == PayFunctionsTelemetry.SourceName
            && span.OperationName is PayFunctionsTelemetry.ChannelCallSpan or PayFunctionsTelemetry.PaymentWaitSpan);

    /// <summary>
    /// A span that may turn out to be measured once it ends: a request handled here, or work the Durable engine handed
    /// to this worker. Which request it was (its route) is known only at its end.
    /// </summary>
    public static bool MayBeMeasured(Activity span) =>
        span.Kind == ActivityKind.Server && span.Source.Name is AspNetCoreSource or DurableTaskSource;

    /// <summary>What an ended span is measured as, or null when it is not measured.</summary>
    public static string? MeasuredKind(Activity span)
    {
        if (span.Kind != ActivityKind.Server)
        {
            return null;
        }

        if (span.Source.Name == AspNetCoreSource)
        {
            return span.GetTagItem("http.request.method") as string == ApiRoutes.CreatePayment.Method
                && (span.GetTagItem("http.route") as string)?.TrimStart('/') == CreateRoute
                    ? CreateKind
                    : null;
        }

        return span.Source.Name == DurableTaskSource
            && span.GetTagItem("durabletask.type") as string == "activity"
            && span.GetTagItem("durabletask.task.name") is string name
                ? ActivityKindPrefix + name
                : null;
    }
}
