namespace PayFunctions.Core.Telemetry;

/// <summary>Where a host sends its traces and metrics (<c>Telemetry:Exporter</c>), and whether it measures its own overhead.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>None by default: a host that exports nothing builds no tracer, so the quick start and the tests pay nothing.</summary>
    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>Listens to the spans, whatever the exporter, to measure the platform's own time per create and per activity.</summary>
    public bool MeasureOverhead { get; set; }

    /// <summary>Whether the host needs a tracer at all.</summary>
    public bool IsEnabled => Exporter != TelemetryExporter.None || MeasureOverhead;
}

public enum TelemetryExporter
{
    None,

    /// <summary>Spans and metrics printed to standard output.</summary>
    Console,

    /// <summary>OTLP to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (default http://localhost:4317, gRPC).</summary>
    Otlp,
}
