using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PayFunctions.Core.Webhooks;

/// <summary>
/// Opens the connections webhook deliveries travel over. The host is resolved here and every
/// address it resolves to is checked before the socket connects to exactly those addresses, so a
/// name that re-resolves to an internal address after onboarding (DNS rebinding) is still refused.
/// </summary>
public sealed partial class WebhookConnector
{
    private readonly IOptions<WebhookOptions> options;
    private readonly ILogger<WebhookConnector> logger;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> resolve;

    public WebhookConnector(IOptions<WebhookOptions> options, ILogger<WebhookConnector> logger)
        : this(options, logger, Dns.GetHostAddressesAsync)
    {
    }

    /// <summary>With another resolver, so tests can play DNS answers no real name gives.</summary>
    internal WebhookConnector(IOptions<WebhookOptions> options, ILogger<WebhookConnector> logger, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
    {
        this.options = options;
        this.logger = logger;
        this.resolve = resolve;
    }

    public SocketsHttpHandler CreateHandler() => new()
    {
        // A redirect would be a second request to a destination nobody checked; a 3xx is a failed delivery.
        AllowAutoRedirect = false,
        // Through a proxy the connect callback would see the proxy's address, not the merchant's.
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = ConnectAsync,
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var allowPrivateNetworks = options.Value.AllowPrivateNetworks;
        var host = context.DnsEndPoint.Host;
        if (context.InitialRequestMessage.RequestUri is { } uri && WebhookUrlPolicy.Check(uri, allowPrivateNetworks) is { } refused)
        {
            throw Refuse(host, refused);
        }

        var addresses = IPAddress.TryParse(host.TrimStart('[').TrimEnd(']'), out var literal)
            ? [literal]
            : await resolve(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw Refuse(host, "the host has no address");
        }

        foreach (var address in addresses)
        {
            var kind = NetworkAddressClassifier.Classify(address);
            if (!NetworkAddressClassifier.IsAllowed(kind, allowPrivateNetworks))
            {
                throw Refuse(host, $"it resolves to {address}, a {WebhookUrlPolicy.Describe(kind)} address");
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private WebhookDestinationRefusedException Refuse(string host, string reason)
    {
        LogRefused(logger, host, reason);
        return new WebhookDestinationRefusedException($"Webhook destination {host} refused: {reason}.");
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Webhook connection to {Host} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string host, string reason);
}

/// <summary>A webhook destination the platform will not connect to; the delivery counts as failed.</summary>
public sealed class WebhookDestinationRefusedException(string message) : IOException(message);
