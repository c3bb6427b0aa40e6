using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using PayFunctions.Core.Orchestration;

namespace PayFunctions.Core.Tests.Orchestration;

public sealed class SettlementOrchestratorTests
{
    private static readonly DateTimeOffset Cutoff = new(2025, 3, 1, 16, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task Settlement_RecordsEachPlannedLine(int lines)
    {
        var plan = Enumerable.Range(1, lines)
            .Select(i => new SettlementPlanItem($"stl_20250302_acc{i}_CNY", $"acc{i}", 1000L * i, "CNY", "2025-03-02", Cutoff))
            .ToList();
        var log = new ActivityLog();
        using var timeout = new CancellationTokenSource(PaymentHarness.Timeout);
        await using var host = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                registry.AddOrchestrator<SettlementOrchestrator>();
                registry.AddActivityFunc<SettlementInput, List<SettlementPlanItem>>(nameof(PlanSettlementActivity), (_, input) =>
                {
                    log.Record(nameof(PlanSettlementActivity), input);
                    return plan;
                });
                registry.AddActivityFunc<SettlementPlanItem, bool>(nameof(RecordSettlementActivity), (_, item) =>
                {
                    log.Record(nameof(RecordSettlementActivity), item);
                    return true;
                });
            },
            cancellationToken: timeout.Token);
        var id = SettlementInstances.IdFor(new DateOnly(2025, 3, 2));

        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SettlementOrchestrator), new SettlementInput("2025-03-02"), new StartOrchestrationOptions(id), timeout.Token);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(lines, done.ReadOutputAs<int>());
        Assert.Equal(new SettlementInput("2025-03-02"), Assert.Single(log.InputsOf<SettlementInput>(nameof(PlanSettlementActivity))));
        Assert.Equal(plan, log.InputsOf<SettlementPlanItem>(nameof(RecordSettlementActivity)));
    }
}
