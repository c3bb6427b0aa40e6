namespace PayFunctions.Channels;

/// <summary>
/// A channel, as one folder of this project: its declaration and the factory of its adapters. The
/// platform knows a channel only through its module, listed once in <see cref="ChannelCatalog"/>.
/// </summary>
public interface IChannelModule
{
    /// <summary>What the channel can do, and what each account of it needs.</summary>
    ChannelCapabilities Capabilities { get; }

    /// <summary>
    /// Builds the adapter of one account from its settings and secrets (every name the capabilities
    /// declare is present). Keys are parsed here, so a bad one fails now, not at the first payment.
    /// </summary>
    /// <exception cref="ArgumentException">A setting or secret is unusable.</exception>
    IPaymentChannel Create(ChannelAccount account, HttpClient httpClient, TimeProvider timeProvider);
}
