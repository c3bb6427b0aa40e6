using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Telemetry;

/// <summary>The sources, meters, exporter and overhead measure both hosts register, so they trace the same things.</summary>
public static class TelemetryRegistration
{
    /// <summary>
    /// Requests served (ASP.NET Core), HTTP calls made (every channel call) and gRPC calls (the Durable worker's and
    /// client's to their backend; without their span the HTTP spans under them would name a parent nobody exported),
    /// every Azure SDK call (tables, queues, blobs, Service Bus; emitted only with the AppContext switch
    /// <c>Azure.Experimental.EnableActivitySource</c>, which both hosts set in their project file), the Durable Task SDK's
    /// orchestration and activity spans, and the platform's own.
    /// </summary>
    public static TracerProviderBuilder AddPayFunctionsSources(this TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddSource(
            OverheadSpans.AzureSdkSourcePrefix + "*", OverheadSpans.GrpcClientSource, OverheadSpans.DurableTaskSource, PayFunctionsTelemetry.SourceName);

    /// <summary>Request and HTTP-call durations, the platform's own meter and its count of storage requests.</summary>
    public static MeterProviderBuilder AddPayFunctionsMeters(this MeterProviderBuilder metrics) => metrics
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddMeter(PayFunctionsTelemetry.SourceName, StorageRequestCounter.MeterName);

    /// <summary>
    /// The sources and meters, the exporter <paramref name="options"/> names, and the overhead measure when it is on.
    /// The host adds its own exporters next to these (Azure Monitor in Azure).
    /// </summary>
    public static IOpenTelemetryBuilder UsePayFunctionsTelemetry(this IOpenTelemetryBuilder telemetry, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MeasureOverhead)
        {
            telemetry.Services.AddSingleton<OverheadSamples>();
            telemetry.Services.AddSingleton<OverheadProcessor>();
        }

        return telemetry
            .WithTracing(tracing =>
            {
                tracing.AddPayFunctionsSources();
                if (options.MeasureOverhead)
                {
                    tracing.AddProcessor(services => services.GetRequiredService<OverheadProcessor>());
                }

                _ = options.Exporter switch
                {
                    TelemetryExporter.Console => tracing.AddConsoleExporter(),
                    TelemetryExporter.Otlp => tracing.AddOtlpExporter(),
                    _ => tracing,
                };
            })
            .WithMetrics(metrics =>
            {
                metrics.AddPayFunctionsMeters();
                _ = options.Exporter switch
                {
                    TelemetryExporter.Console => metrics.AddConsoleExporter(),
                    TelemetryExporter.Otlp => metrics.AddOtlpExporter(),
                    _ => metrics,
                };
            });
    }
}
