using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PayFunctions.Core.Routing;

/// <summary>Writes <see cref="RoutingUsage"/>'s changed totals every flush interval, and once more on shutdown.</summary>
public sealed class RoutingUsageFlusher(RoutingUsage usage, IOptions<RoutingOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await usage.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the last flush below.
        }

        await usage.FlushAsync(CancellationToken.None);
    }
}
