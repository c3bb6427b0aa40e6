namespace PayFunctions.Core.Channels;

/// <summary>The transport that spreads channel work over workers: Storage queues or Service Bus.</summary>
public sealed class ChannelWorkOptions
{
    public const string SectionName = "ChannelWork";

    public ChannelWorkTransport Transport { get; set; } = ChannelWorkTransport.StorageQueue;

    /// <summary>Fully qualified Service Bus namespace, e.g. <c>sb-abc.servicebus.windows.net</c>.</summary>
    public string? ServiceBusNamespace { get; set; }

    public bool IsValid() => Transport != ChannelWorkTransport.ServiceBus || !string.IsNullOrWhiteSpace(ServiceBusNamespace);
}

public enum ChannelWorkTransport
{
    StorageQueue,
    ServiceBus,
}
