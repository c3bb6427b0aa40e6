namespace PayFunctions.LocalHost;

public sealed class LocalHostOptions
{
    public const string SectionName = "LocalHost";

    public string ApiUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Loopback port of the Durable gRPC sidecar (HTTP/2 only).</summary>
    public int SidecarPort { get; set; } = 7072;

    public bool StartAzurite { get; set; } = true;

    /// <summary>Stable across restarts, so a restarted host takes its partition leases back at once.</summary>
    public string WorkerId { get; set; } = "localhost";
}
