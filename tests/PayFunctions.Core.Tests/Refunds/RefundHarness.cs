using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Tests.Orchestration;
using PayFunctions.Core.Webhooks;

namespace PayFunctions.Core.Tests.Refunds;

/// <summary>The real <see cref="RefundOrchestrator"/> on the in-process Durable Task host, its activities scripted fakes.</summary>
public sealed class RefundHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource timeout = new(PaymentHarness.Timeout);
    private DurableTaskTestHost? host;

    public ActivityLog Log { get; } = new();

    public ChannelRefundEvent Answer { get; init; } = new(ChannelRefundState.Processing, "50300001", null);

    public CancellationToken Cancellation => timeout.Token;

    /// <summary>The channel calls the refund queued, answered as this harness scripts them.</summary>
    public ChannelCallFakes Calls { get; private set; } = null!;

    public DurableTaskClient Client => host?.Client ?? throw new InvalidOperationException("Call StartAsync first.");

    public static RefundOrchestrationInput Input(string refundId) =>
        new(refundId, "mch_test", "pay_test", "wechat_pay", "main", 500, 1999, "CNY", "Damaged");

    public async Task<RefundHarness> StartAsync()
    {
        Calls = new ChannelCallFakes(Log, () => Client, timeout.Token)
            .On<RefundOrchestrationInput, ChannelRefundEvent>(ChannelCallOperations.Refund, nameof(RefundAtChannelActivity), _ => Answer)
            .On<RefundOrchestrationInput, ChannelRefundEvent>(
                ChannelCallOperations.RefundQuery, nameof(QueryRefundActivity), _ => new ChannelRefundEvent(ChannelRefundState.Processing, null, null));
        host = await TestHosts.StartAsync(
            registry =>
            {
                registry.AddOrchestrator<RefundOrchestrator>();
                registry.AddActivityFunc<ChannelCallRequest, bool>(nameof(EnqueueChannelCallActivity), (_, request) => Calls.Enqueue(request));
                registry.AddActivityFunc<CompleteRefundInput, bool>(nameof(CompleteRefundActivity), (_, input) =>
                {
                    Log.Record(nameof(CompleteRefundActivity), input);
                    return true;
                });
                registry.AddActivityFunc<WebhookInput, bool>(nameof(SendWebhookActivity), (_, input) =>
                {
                    Log.Record(nameof(SendWebhookActivity), input);
                    return true;
                });
            },
            cancellationToken: timeout.Token);
        return this;
    }

    public async Task<string> ScheduleAsync(RefundOrchestrationInput input)
    {
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(RefundOrchestrator), input, new StartOrchestrationOptions(input.RefundId), timeout.Token);
        return input.RefundId;
    }

    public async Task<string> WaitForStatusAsync(string instanceId)
    {
        var done = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<string>()!;
    }

    public CompleteRefundInput SingleCompletion() => Assert.Single(Log.InputsOf<CompleteRefundInput>(nameof(CompleteRefundActivity)));

    public WebhookInput SingleWebhook() => Assert.Single(Log.InputsOf<WebhookInput>(nameof(SendWebhookActivity)));

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        timeout.Dispose();
    }
}
