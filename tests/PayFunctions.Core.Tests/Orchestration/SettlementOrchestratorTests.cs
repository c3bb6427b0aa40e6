using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using PayFunctions.Core.Settlements;

namespace PayFunctions.Core.Tests.Orchestration;

/// <summary>The settlement orchestrators on the in-process host with scripted activities.</summary>
public sealed class SettlementOrchestratorTests
{
    private static readonly DateTimeOffset Cutoff = new(2025, 3, 1, 16, 0, 0, TimeSpan.Zero);

    private static List<SettlementPlanItem> Plan(int lines) =>
        [.. Enumerable.Range(1, lines).Select(i => new SettlementPlanItem($"stl_20250302_acc{i}_cny", $"acc{i}", "CNY", "2025-03-02", Cutoff))];

    private static async Task<(OrchestrationMetadata Done, ActivityLog Log)> RunDayAsync(
        List<SettlementPlanItem>? plan, Func<SettlementPlanItem, SettlementRecordResult> record)
    {
        var log = new ActivityLog();
        using var timeout = new CancellationTokenSource(PaymentHarness.Timeout);
        await using var host = await TestHosts.StartAsync(
            registry =>
            {
                registry.AddOrchestrator<SettlementOrchestrator>();
                registry.AddActivityFunc<SettlementInput, List<SettlementPlanItem>>(nameof(PlanSettlementActivity), (_, input) =>
                {
                    log.Record(nameof(PlanSettlementActivity), input);
                    return plan ?? throw new InvalidOperationException("The index cannot be read.");
                });
                registry.AddActivityFunc<SettlementPlanItem, SettlementRecordResult>(nameof(RecordSettlementActivity), (_, item) =>
                {
                    log.Record(nameof(RecordSettlementActivity), item);
                    return record(item);
                });
                registry.AddActivityFunc<SettlementDayResult, bool>(nameof(CompleteSettlementDayActivity), (_, result) =>
                {
                    log.Record(nameof(CompleteSettlementDayActivity), result);
                    return true;
                });
            },
            cancellationToken: timeout.Token);
        var id = SettlementInstances.ForDay(new DateOnly(2025, 3, 2), SettlementInstances.NewAttempt());

        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SettlementOrchestrator), new SettlementInput("2025-03-02"), new StartOrchestrationOptions(id), timeout.Token);
        return (await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token), log);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(11)]
    public async Task Day_RecordsEachPlannedAccountAndRecordsTheDay(int lines)
    {
        var plan = Plan(lines);

        var (done, log) = await RunDayAsync(plan, item => new SettlementRecordResult(
            item.AccountId == "acc2" ? SettlementRecordResults.NothingOwed : SettlementRecordResults.Settled, 100));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var result = done.ReadOutputAs<SettlementDayResult>()!;
        Assert.Equal(("2025-03-02", SettlementDayStatus.Completed, lines, Math.Max(0, lines - 1)), (result.SettlementDate, result.Status, result.Accounts, result.Recorded));
        Assert.Empty(result.Failed);
        Assert.Equal(new SettlementInput("2025-03-02"), Assert.Single(log.InputsOf<SettlementInput>(nameof(PlanSettlementActivity))));
        Assert.Equal(plan.OrderBy(p => p.SettlementId), log.InputsOf<SettlementPlanItem>(nameof(RecordSettlementActivity)).OrderBy(p => p.SettlementId));
        var recordedDay = Assert.Single(log.InputsOf<SettlementDayResult>(nameof(CompleteSettlementDayActivity)));
        Assert.Equal((result.Status, result.Recorded), (recordedDay.Status, recordedDay.Recorded));
    }

    [Fact]
    public async Task Day_WhenOneAccountKeepsFailing_SettlesTheOthersAndReportsIt()
    {
        var plan = Plan(4);

        var (done, log) = await RunDayAsync(plan, item => item.AccountId == "acc3"
            ? throw new InvalidOperationException("acc3 is unreadable")
            : new SettlementRecordResult(SettlementRecordResults.Settled, 100));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var result = done.ReadOutputAs<SettlementDayResult>()!;
        Assert.Equal((SettlementDayStatus.Partial, 4, 3), (result.Status, result.Accounts, result.Recorded));
        var failure = Assert.Single(result.Failed);
        Assert.Equal(("acc3", "CNY"), (failure.AccountId, failure.Currency));
        Assert.Contains("acc3 is unreadable", failure.Error, StringComparison.Ordinal);
        Assert.Equal(3, log.InputsOf<SettlementPlanItem>(nameof(RecordSettlementActivity)).Count(i => i.AccountId == "acc3"));
        Assert.Equal(SettlementDayStatus.Partial, Assert.Single(log.InputsOf<SettlementDayResult>(nameof(CompleteSettlementDayActivity))).Status);
    }

    [Fact]
    public async Task Day_WhenThePlanCannotBeRead_EndsFailedAndSaysSo()
    {
        var (done, log) = await RunDayAsync(null, _ => new SettlementRecordResult(SettlementRecordResults.Settled, 1));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(SettlementDayStatus.Failed, done.ReadOutputAs<SettlementDayResult>()!.Status);
        Assert.Empty(log.InputsOf<SettlementPlanItem>(nameof(RecordSettlementActivity)));
        Assert.Equal(SettlementDayStatus.Failed, Assert.Single(log.InputsOf<SettlementDayResult>(nameof(CompleteSettlementDayActivity))).Status);
    }

    [Fact]
    public async Task CatchUp_RunsTheDaysInOrderAndGoesOnAfterAFailedDay()
    {
        var order = new ActivityLog();
        using var timeout = new CancellationTokenSource(PaymentHarness.Timeout);
        await using var host = await TestHosts.StartAsync(
            registry =>
            {
                registry.AddOrchestrator<SettlementCatchUpOrchestrator>();
                registry.AddOrchestratorFunc<SettlementInput, SettlementDayResult>(nameof(SettlementOrchestrator), (context, input) =>
                {
                    if (!context.IsReplaying)
                    {
                        order.Record(nameof(SettlementOrchestrator), input);
                    }

                    return input.SettlementDate == "2025-03-03"
                        ? throw new InvalidOperationException("the day broke")
                        : new SettlementDayResult(input.SettlementDate, SettlementDayStatus.Completed, 1, 1, []);
                });
            },
            cancellationToken: timeout.Token);
        const string id = "settlement_daily_test";

        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SettlementCatchUpOrchestrator), new SettlementCatchUpInput(["2025-03-02", "2025-03-03", "2025-03-04"]), new StartOrchestrationOptions(id), timeout.Token);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(
            [("2025-03-02", SettlementDayStatus.Completed), ("2025-03-03", SettlementDayStatus.Failed), ("2025-03-04", SettlementDayStatus.Completed)],
            done.ReadOutputAs<List<SettlementDayResult>>()!.Select(r => (r.SettlementDate, r.Status)));
        Assert.Equal(["2025-03-02", "2025-03-03", "2025-03-04"], order.InputsOf<SettlementInput>(nameof(SettlementOrchestrator)).Select(i => i.SettlementDate));
    }
}
