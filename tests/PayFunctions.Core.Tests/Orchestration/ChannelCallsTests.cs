using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Orchestration;
using PayFunctions.Core.Payments;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Tests.Orchestration;

/// <summary>A queued channel call on the in-process Durable Task host, its queue and workers played by <see cref="ChannelCallFakes"/>.</summary>
public sealed class ChannelCallsTests : IAsyncDisposable
{
    private const string Calling = "CallingOrchestrator";
    private static readonly RetryPolicy ThreeTries = new(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromMilliseconds(100));

    private readonly CancellationTokenSource timeout = new(PaymentHarness.Timeout);
    private readonly ActivityLog log = new();
    private DurableTaskTestHost? host;

    [Fact]
    public async Task A_lost_answer_times_out_and_the_call_is_tried_again_under_a_new_call_id()
    {
        var calls = await StartAsync(_ => CloseOutcome.Closed);
        calls.Delivers = request => !calls.Enqueued.IsEmpty && calls.Enqueued.First() != request;

        var output = await RunAsync("pay_lost");

        Assert.Equal(nameof(CloseOutcome.Closed), output);
        var tries = calls.Enqueued.ToList();
        Assert.Equal(2, tries.Count);
        Assert.NotEqual(tries[0].CallId, tries[1].CallId);
        Assert.All(tries, t => Assert.Equal(("pay_lost", ChannelCallOperations.Close, "wechat_pay", "main"), (t.InstanceId, t.Operation, t.Channel, t.ChannelAccount)));
        Assert.Equal(1, log.CountOf(nameof(CloseAtChannelActivity)));
    }

    [Fact]
    public async Task A_failure_answer_to_the_last_try_surfaces_as_a_failed_task_at_the_call_site()
    {
        var calls = await StartAsync(_ => throw new InvalidOperationException("Channels:WeChatPay:Accounts:main is not configured."));

        var output = await RunAsync("pay_failing");

        Assert.Equal("failed:" + typeof(InvalidOperationException).FullName, output);
        Assert.Equal(3, calls.Enqueued.Count);
        Assert.Equal(3, calls.Enqueued.Select(c => c.CallId).Distinct().Count());
    }

    [Fact]
    public async Task No_answer_to_any_try_fails_the_call_rather_than_holding_the_orchestration()
    {
        var calls = await StartAsync(_ => CloseOutcome.Closed);
        calls.Delivers = _ => false;

        var output = await RunAsync("pay_silent");

        Assert.Equal("failed:" + typeof(TimeoutException).FullName, output);
        Assert.Equal(3, calls.Enqueued.Count);
    }

    [Fact]
    public void The_waits_between_tries_follow_the_retry_policy()
    {
        var policy = PaymentOrchestrator.CloseRetry;

        Assert.Equal(TimeSpan.FromSeconds(2), ChannelCalls.DelayAfter(policy, 1));
        Assert.Equal(TimeSpan.FromSeconds(16), ChannelCalls.DelayAfter(policy, 4));
        Assert.Equal(TimeSpan.FromMinutes(10), ChannelCalls.DelayAfter(policy, 14));
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        timeout.Dispose();
    }

    private async Task<ChannelCallFakes> StartAsync(Func<ChannelOrderInput, CloseOutcome> close)
    {
        var calls = new ChannelCallFakes(log, () => host!.Client, timeout.Token).On(ChannelCallOperations.Close, nameof(CloseAtChannelActivity), close);
        host = await TestHosts.StartAsync(
            registry =>
            {
                registry.AddOrchestratorFunc<string, string>(Calling, async (context, paymentId) =>
                {
                    try
                    {
                        var closed = await ChannelCalls.CallAsync<ChannelOrderInput, CloseOutcome>(
                            context,
                            ChannelCallOperations.Close,
                            new ChannelAccountId("wechat_pay", "main"),
                            new ChannelOrderInput("wechat_pay", "main", paymentId),
                            ThreeTries,
                            TimeSpan.FromSeconds(1));
                        return closed.ToString();
                    }
                    catch (TaskFailedException e)
                    {
                        return "failed:" + e.FailureDetails.ErrorType;
                    }
                });
                registry.AddActivityFunc<ChannelCallRequest, bool>(nameof(EnqueueChannelCallActivity), (_, request) => calls.Enqueue(request));
            },
            cancellationToken: timeout.Token);
        return calls;
    }

    private async Task<string?> RunAsync(string instanceId)
    {
        await host!.Client.ScheduleNewOrchestrationInstanceAsync(Calling, instanceId, new StartOrchestrationOptions(instanceId), timeout.Token);
        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<string>();
    }
}
