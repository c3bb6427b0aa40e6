using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Orchestration;

namespace PayFunctions.Core.Tests.Orchestration;

public sealed class EndedOrchestrationPurgeTests
{
    private const string Finishes = "Finishes";
    private const string Waits = "Waits";
    private static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    [Fact]
    public async Task Purge_RemovesEndedInstancesPastTheirRetention_AndKeepsRunningOnes()
    {
        using var timeout = new CancellationTokenSource(PaymentHarness.Timeout);
        await using var host = await StartAsync(timeout.Token);
        var (ended, running) = await StartBothAsync(host.Client, timeout.Token);

        var purged = await PurgeAt(DateTimeOffset.UtcNow + Retention + TimeSpan.FromMinutes(1)).PurgeAsync(host.Client, timeout.Token);

        Assert.Equal(1, purged);
        Assert.Null(await host.Client.GetInstanceAsync(ended, timeout.Token));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(running, timeout.Token))?.RuntimeStatus);
    }

    [Fact]
    public async Task Purge_KeepsEndedInstancesWithinTheirRetention()
    {
        using var timeout = new CancellationTokenSource(PaymentHarness.Timeout);
        await using var host = await StartAsync(timeout.Token);
        var (ended, _) = await StartBothAsync(host.Client, timeout.Token);

        var purged = await PurgeAt(DateTimeOffset.UtcNow + Retention - TimeSpan.FromMinutes(1)).PurgeAsync(host.Client, timeout.Token);

        Assert.Equal(0, purged);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.GetInstanceAsync(ended, timeout.Token))?.RuntimeStatus);
    }

    [Theory]
    [InlineData("2.00:00:00", true)]
    [InlineData("30.00:00:00", true)]
    [InlineData("1.23:59:59", false)]
    [InlineData("00:00:00", false)]
    public void Retention_CoversIdempotentRetriesAndLateNotifications(string retention, bool valid) =>
        Assert.Equal(valid, new DurableOptions { EndedRetention = TimeSpan.Parse(retention, System.Globalization.CultureInfo.InvariantCulture) }.IsValid());

    private static EndedOrchestrationPurge PurgeAt(DateTimeOffset now) =>
        new(Options.Create(new DurableOptions { EndedRetention = Retention }), new FakeTimeProvider(now), NullLogger<EndedOrchestrationPurge>.Instance);

    private static Task<DurableTaskTestHost> StartAsync(CancellationToken cancellationToken) =>
        TestHosts.StartAsync(
            registry =>
            {
                registry.AddOrchestratorFunc(Finishes, _ => Task.FromResult("done"));
                registry.AddOrchestratorFunc(Waits, context => context.WaitForExternalEvent<string>("never"));
            },
            cancellationToken: cancellationToken);

    private static async Task<(string Ended, string Running)> StartBothAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var ended = await client.ScheduleNewOrchestrationInstanceAsync(Finishes, cancellation: cancellationToken);
        var running = await client.ScheduleNewOrchestrationInstanceAsync(Waits, cancellation: cancellationToken);
        await client.WaitForInstanceCompletionAsync(ended, cancellationToken);
        await client.WaitForInstanceStartAsync(running, cancellationToken);
        return (ended, running);
    }
}
