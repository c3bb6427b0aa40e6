namespace ChannelSandbox;

/// <summary>Where the sandbox keeps its files and how it delivers notifications ("Sandbox" section).</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public string SecretsDirectory { get; set; } = ".local/secrets";

    public string StateDirectory { get; set; } = ".local/sandbox";

    /// <summary>The Azure Storage the platform reads channel files from, for channels that report by file (Azurite's by default).</summary>
    public string StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    // A comma-separated string rather than an array: configuration binds arrays only from indexed
    // keys, which are clumsy to pass on a command line or in one environment variable.
    // WeChat Pay's published schedule (15 retries over about 24 hours); tests set a shorter one.
    public string NotifyRetryDelays { get; set; } =
        "00:00:15,00:00:15,00:00:30,00:03:00,00:10:00,00:20:00,00:30:00,00:30:00,00:30:00,01:00:00,03:00:00,03:00:00,03:00:00,06:00:00,06:00:00";

    public TimeSpan NotifyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<TimeSpan> RetryDelays() => NotifyRetrySchedule.Parse(NotifyRetryDelays);

    public bool HasValidRetryDelays() => NotifyRetrySchedule.IsValid(NotifyRetryDelays);
}
