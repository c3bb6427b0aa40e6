namespace PayFunctions.Core.Channels;

/// <summary>The transport that spreads channel work over workers: Storage queues or Service Bus.</summary>
public sealed class ChannelWorkOptions
{
    public const string SectionName = "ChannelWork";

    public ChannelWorkTransport Transport { get; set; } = ChannelWorkTransport.StorageQueue;

    /// <summary>Fully qualified Service Bus namespace, e.g. <c>sb-abc.servicebus.windows.net</c>.</summary>
    public string? ServiceBusNamespace { get; set; }

    /// <summary>
    /// When set, a Storage queue per channel, <c>{prefix}-{channel}</c>, so a congested channel backs up
    /// alone. Only for a host that polls the queues itself (LocalHost; each host on one storage account
    /// needs its own prefix): the Functions app's queue trigger reads the one shared queue.
    /// </summary>
    public string? StorageQueuePrefix { get; set; }

    /// <summary>How much longer than a second the per-account rate window is kept (see <see cref="ChannelAccountThrottle"/>).</summary>
    public TimeSpan RateArrivalMargin { get; set; } = ChannelAccountThrottle.DefaultArrivalMargin;

    public bool IsValid() =>
        (Transport != ChannelWorkTransport.ServiceBus || !string.IsNullOrWhiteSpace(ServiceBusNamespace))
        && RateArrivalMargin >= TimeSpan.Zero && RateArrivalMargin <= TimeSpan.FromSeconds(1)
        && (StorageQueuePrefix is null || ChannelWorkQueues.IsValidPrefix(StorageQueuePrefix));
}

public enum ChannelWorkTransport
{
    StorageQueue,
    ServiceBus,
}
