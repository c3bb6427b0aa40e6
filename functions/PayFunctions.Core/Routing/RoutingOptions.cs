namespace PayFunctions.Core.Routing;

/// <summary>Settings of routing's shared counters.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>
    /// This instance's name in the usage table. It must survive a restart so the instance reads back its own
    /// totals, and differ between instances; by default the App Service instance id, else the machine name.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>How often changed totals are written for the other instances and for a restart.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(3);

    public bool IsValid() =>
        FlushInterval >= TimeSpan.FromMilliseconds(100) && FlushInterval <= TimeSpan.FromMinutes(1)
        && (InstanceId is null || (InstanceId.Length is > 0 and <= 128 && !InstanceId.Any(char.IsControl)));

    public string ResolveInstanceId() =>
        InstanceId ?? Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID") ?? Environment.MachineName;
}
