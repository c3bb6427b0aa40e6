using Microsoft.AspNetCore.Connections;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace PayFunctions.Core.Tests.Orchestration;

/// <summary>
/// Starts durabletask-dotnet's in-process test host. It chooses a free port before it binds it, so with
/// tests starting hosts in parallel another one can take the port in between; a start that loses that
/// race is tried again on a new port.
/// </summary>
internal static class TestHosts
{
    private const int MaxStarts = 5;

    public static async Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> registry, CancellationToken cancellationToken = default)
    {
        for (var start = 1; ; start++)
        {
            try
            {
                return await DurableTaskTestHost.StartAsync(registry, cancellationToken: cancellationToken);
            }
            catch (IOException e) when (e.InnerException is AddressInUseException && start < MaxStarts)
            {
                // Lost the port to another host starting at the same moment.
            }
        }
    }
}
