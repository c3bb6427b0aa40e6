using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Tests.Orchestration;

/// <summary>
/// The real <see cref="PaymentOrchestrator"/> on the in-process Durable Task host, with every activity
/// replaced by a fake registered under the production name that records its input and answers as scripted.
/// </summary>
public sealed class PaymentHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource timeout = new(Timeout);
    private DurableTaskTestHost? host;

    public ActivityLog Log { get; } = new();

    private int retriedDeliveries;

    /// <summary>An account of the route has room: the order is placed by the activity, not queued for a worker.</summary>
    public bool PlacesAtOnce { get; init; }

    /// <summary>The merchant's endpoint fails the delivery made with the completion, so the event goes to the retrying activity.</summary>
    public bool FirstDeliveryFails { get; init; }

    /// <summary>Deliveries made by the retrying <see cref="SendWebhookActivity"/> rather than with the completion.</summary>
    public int RetriedDeliveries => Volatile.Read(ref retriedDeliveries);

    /// <summary>When each durable timer of an instance is due, as of its latest replay.</summary>
    public ConcurrentDictionary<string, IReadOnlyList<DateTime>> Timers { get; } = new();

    public Func<PaymentOrchestrationInput, PrepayOutcome> Prepay { get; init; } = _ => new PrepayOutcome(true, null, null, null, OrderAtChannel: false);

    /// <summary>The prepay stays in the queue until the test raises its outcome (<see cref="PaymentEvents.PrepayResult"/>).</summary>
    public bool HoldPrepay { get; init; }

    /// <summary>When set, the enqueue of the prepay finishes only once this completes: events raised meanwhile all arrive first.</summary>
    public TaskCompletionSource? EnqueueGate { get; init; }

    /// <summary>When set, recording a checkout pick finishes only once this completes: events raised meanwhile arrive during it.</summary>
    public TaskCompletionSource? ChooseGate { get; init; }

    public CloseOutcome CloseOutcome { get; init; } = CloseOutcome.Closed;

    public ChannelPaymentEvent QueryAnswer { get; init; } = new("", ChannelTradeState.NotPaid, null, null, null);

    /// <summary>Answers to successive queries, the last repeated; when empty, <see cref="QueryAnswer"/>.</summary>
    public IReadOnlyList<ChannelPaymentEvent> QueryAnswers { get; init; } = [];

    public CloseOutcome CancelOutcome { get; init; } = CloseOutcome.Closed;

    /// <summary>What a query answers once the order was cancelled at the channel, when that differs.</summary>
    public ChannelPaymentEvent? QueryAnswerAfterCancel { get; init; }

    /// <summary>Risk's verdict on each assessment; allow unless a test scripts otherwise.</summary>
    public Func<AssessRiskInput, RiskVerdict> Risk { get; init; } = _ => new RiskVerdict(RiskOutcome.Allow, null);

    /// <summary>Every risk assessment asked for, in order; kept apart from <see cref="Log"/>, whose order the channel tests assert.</summary>
    public ConcurrentQueue<AssessRiskInput> RiskAssessments { get; } = new();

    /// <summary>What the channel answers a capture.</summary>
    public ChannelPaymentEvent CaptureAnswer { get; init; } = new("ch_captured", ChannelTradeState.Succeeded, DateTimeOffset.UnixEpoch, 1999, "CNY");

    public CancellationToken Cancellation => timeout.Token;

    /// <summary>The channel calls the payment queued, answered as this harness scripts them.</summary>
    public ChannelCallFakes Calls { get; private set; } = null!;

    public DurableTaskClient Client => host?.Client ?? throw new InvalidOperationException("Call StartAsync first.");

    public static PaymentOrchestrationInput Input(string paymentId, TimeSpan expiresIn) =>
        new(paymentId, "mch_test", "wechat_pay", "main", "wechat_pay.native", 1999, "CNY", "Coffee", DateTimeOffset.UtcNow + expiresIn);

    public async Task<PaymentHarness> StartAsync()
    {
        Calls = new ChannelCallFakes(Log, () => Client, timeout.Token)
            .On<ChannelOrderInput, CloseOutcome>(ChannelCallOperations.Close, nameof(CloseAtChannelActivity), _ => CloseOutcome)
            .On<ChannelOrderInput, CloseOutcome>(ChannelCallOperations.Cancel, nameof(CancelAtChannelActivity), _ => CancelOutcome)
            .On<ChannelOrderInput, ChannelPaymentEvent>(ChannelCallOperations.Query, nameof(QueryChannelActivity), _ =>
            {
                // The query being answered is logged already.
                var asked = Log.CountOf(nameof(QueryChannelActivity)) - 1;
                if (QueryAnswerAfterCancel is { } afterCancel && Log.CountOf(nameof(CancelAtChannelActivity)) > 0)
                {
                    return afterCancel;
                }

                return QueryAnswers.Count == 0 ? QueryAnswer : QueryAnswers[Math.Min(asked, QueryAnswers.Count - 1)];
            })
            .On<CaptureInput, ChannelPaymentEvent>(ChannelCallOperations.Capture, nameof(CaptureAtChannelActivity), _ => CaptureAnswer);
        host = await TestHosts.StartAsync(
            registry =>
            {
                registry.AddOrchestratorFunc<PaymentOrchestrationInput, PaymentStatus>(nameof(PaymentOrchestrator), (context, input) =>
                    new PaymentOrchestrator().RunAsync(new TimerRecordingContext(context, timers => Timers[context.InstanceId] = timers), input));
                registry.AddActivityFunc<PaymentOrchestrationInput, bool>(nameof(EnqueuePrepayActivity), async (_, input) =>
                {
                    await QueuePrepayAsync(input);
                    return true;
                });
                registry.AddActivityFunc<PaymentOrchestrationInput, PrepayOutcome?>(nameof(PlacePrepayActivity), async (_, input) =>
                {
                    if (PlacesAtOnce)
                    {
                        Log.Record(nameof(PrepayActivity), input);
                        return Prepay(input);
                    }

                    await QueuePrepayAsync(input);
                    return null;
                });
                registry.AddActivityFunc<AssessRiskInput, RiskVerdict>(nameof(AssessRiskActivity), (_, input) =>
                {
                    RiskAssessments.Enqueue(input);
                    return Risk(input);
                });
                registry.AddActivityFunc<ChooseMethodInput, bool>(nameof(ChooseMethodActivity), async (_, input) =>
                {
                    Log.Record(nameof(ChooseMethodActivity), input);
                    if (ChooseGate is { } gate)
                    {
                        await gate.Task.WaitAsync(Cancellation);
                    }

                    return true;
                });
                registry.AddActivityFunc<ChannelCallRequest, bool>(nameof(EnqueueChannelCallActivity), (_, request) => Calls.Enqueue(request));
                registry.AddActivityFunc<RequireCaptureInput, bool>(nameof(RequireCaptureActivity), (_, input) =>
                {
                    Log.Record(nameof(RequireCaptureActivity), input);
                    return true;
                });
                registry.AddActivityFunc<ReconcileOrderInput, bool>(nameof(ReconcileOrderActivity), (_, input) =>
                {
                    Log.Record(nameof(ReconcileOrderActivity), input);
                    return true;
                });
                registry.AddActivityFunc<CompletePaymentInput, bool>(nameof(CompletePaymentActivity), (_, input) =>
                {
                    Log.Record(nameof(CompletePaymentActivity), input);
                    return true;
                });
                registry.AddActivityFunc<WebhookInput, bool>(nameof(SendWebhookActivity), (_, input) =>
                {
                    Log.Record(nameof(SendWebhookActivity), input);
                    Interlocked.Increment(ref retriedDeliveries);
                    return true;
                });
                registry.AddActivityFunc<FinishPaymentInput, bool>(nameof(FinishPaymentActivity), (_, input) =>
                {
                    Log.Record(nameof(CompletePaymentActivity), input.Completion);
                    if (FirstDeliveryFails)
                    {
                        return false;
                    }

                    Log.Record(nameof(SendWebhookActivity), input.Event);
                    return true;
                });
            },
            cancellationToken: timeout.Token);
        return this;
    }

    private async Task QueuePrepayAsync(PaymentOrchestrationInput input)
    {
        if (!HoldPrepay)
        {
            _ = Task.Run(() => WorkPrepayAsync(input));
        }

        if (EnqueueGate is { } gate)
        {
            await gate.Task.WaitAsync(Cancellation);
        }
    }

    /// <summary>
    /// Plays the queue and its channel worker: tries the prepay as the worker does and raises the outcome.
    /// The tries are logged once the outcome was raised, so a test that waits for the prepay raises its own
    /// events after it.
    /// </summary>
    private async Task WorkPrepayAsync(PaymentOrchestrationInput input)
    {
        var outcome = PrepayWorker.Unavailable;
        var tries = 0;
        while (tries < PrepayWorker.MaxAttempts)
        {
            tries++;
            // Logged as the worker calls the channel, before it raises the outcome the orchestration goes on from.
            Log.Record(nameof(PrepayActivity), input);
            try
            {
                outcome = Prepay(input);
                break;
            }
            catch (HttpRequestException)
            {
                // A transient failure: the worker retries it as a new message.
            }
        }

        await Client.RaiseEventAsync(input.PaymentId, PaymentEvents.PrepayResult, outcome, timeout.Token);
    }

    public async Task WaitForActivityAsync(string activity)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (Log.CountOf(activity) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{activity} never ran.");
            await Task.Delay(50, Cancellation);
        }
    }

    public Task<string> ScheduleAsync(PaymentOrchestrationInput input) => ScheduleAsync(input, PaymentOrchestrator.StartOptions(input.PaymentId));

    /// <summary>Starts an instance as a platform of before orchestration versions did: no version.</summary>
    public Task<string> ScheduleUnversionedAsync(PaymentOrchestrationInput input) => ScheduleAsync(input, new StartOrchestrationOptions(input.PaymentId));

    /// <summary>Starts an instance as a platform that ran <paramref name="version"/> did.</summary>
    public Task<string> ScheduleAtVersionAsync(PaymentOrchestrationInput input, string version) =>
        ScheduleAsync(input, new StartOrchestrationOptions(input.PaymentId) { Version = version });

    private async Task<string> ScheduleAsync(PaymentOrchestrationInput input, StartOrchestrationOptions options)
    {
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(PaymentOrchestrator), input, options, timeout.Token);
        return input.PaymentId;
    }

    /// <summary>Once the order is placed, the channel reports it paid in full.</summary>
    public async Task PayAsync(string instanceId, string channelTradeNo)
    {
        await WaitForActivityAsync(nameof(PrepayActivity));
        await Client.RaiseEventAsync(
            instanceId,
            PaymentEvents.ChannelNotification,
            new ChannelPaymentEvent(channelTradeNo, ChannelTradeState.Succeeded, DateTimeOffset.UtcNow, 1999, "CNY"),
            Cancellation);
    }

    public async Task<PaymentStatus> WaitForStatusAsync(string instanceId)
    {
        var done = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<PaymentStatus>();
    }

    public CompletePaymentInput SingleCompletion() => Assert.Single(Log.InputsOf<CompletePaymentInput>(nameof(CompletePaymentActivity)));

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
