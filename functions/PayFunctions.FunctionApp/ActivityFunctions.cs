using Microsoft.Azure.Functions.Worker;
using PayFunctions.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Orchestration;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Webhooks;

namespace PayFunctions.FunctionApp;

/// <summary>Function wrappers for the shared activities; names match <see cref="PayFunctionsTasks"/>.</summary>
public sealed class ActivityFunctions(
    EnqueuePrepayActivity enqueuePrepay,
    CloseAtChannelActivity close,
    CancelAtChannelActivity cancel,
    QueryChannelActivity query,
    CaptureAtChannelActivity capture,
    RequireCaptureActivity requireCapture,
    ReconcileOrderActivity reconcile,
    CompletePaymentActivity complete,
    SendWebhookActivity webhook,
    PlanSettlementActivity plan,
    RecordSettlementActivity record,
    CompleteSettlementDayActivity completeDay,
    ChooseMethodActivity chooseMethod)
{
    [Function(nameof(EnqueuePrepayActivity))]
    public Task<bool> EnqueuePrepay([ActivityTrigger] PaymentOrchestrationInput input, CancellationToken cancellationToken) =>
        enqueuePrepay.ExecuteAsync(input, cancellationToken);

    [Function(nameof(CloseAtChannelActivity))]
    public Task<CloseOutcome> Close([ActivityTrigger] ChannelOrderInput input, CancellationToken cancellationToken) =>
        close.ExecuteAsync(input, cancellationToken);

    [Function(nameof(CancelAtChannelActivity))]
    public Task<CloseOutcome> Cancel([ActivityTrigger] ChannelOrderInput input, CancellationToken cancellationToken) =>
        cancel.ExecuteAsync(input, cancellationToken);

    [Function(nameof(QueryChannelActivity))]
    public Task<ChannelPaymentEvent> Query([ActivityTrigger] ChannelOrderInput input, CancellationToken cancellationToken) =>
        query.ExecuteAsync(input, cancellationToken);

    [Function(nameof(CaptureAtChannelActivity))]
    public Task<ChannelPaymentEvent> Capture([ActivityTrigger] CaptureInput input, CancellationToken cancellationToken) =>
        capture.ExecuteAsync(input, cancellationToken);

    [Function(nameof(RequireCaptureActivity))]
    public Task<bool> RequireCapture([ActivityTrigger] RequireCaptureInput input, CancellationToken cancellationToken) =>
        requireCapture.ExecuteAsync(input, cancellationToken);

    [Function(nameof(ReconcileOrderActivity))]
    public Task<bool> Reconcile([ActivityTrigger] ReconcileOrderInput input, CancellationToken cancellationToken) =>
        reconcile.ExecuteAsync(input, cancellationToken);

    [Function(nameof(CompletePaymentActivity))]
    public Task<bool> Complete([ActivityTrigger] CompletePaymentInput input, CancellationToken cancellationToken) =>
        complete.ExecuteAsync(input, cancellationToken);

    [Function(nameof(SendWebhookActivity))]
    public Task<bool> SendWebhook([ActivityTrigger] WebhookInput input, CancellationToken cancellationToken) =>
        webhook.ExecuteAsync(input, cancellationToken);

    [Function(nameof(PlanSettlementActivity))]
    public Task<List<SettlementPlanItem>> PlanSettlement([ActivityTrigger] SettlementInput input, CancellationToken cancellationToken) =>
        plan.ExecuteAsync(input, cancellationToken);

    [Function(nameof(RecordSettlementActivity))]
    public Task<SettlementRecordResult> RecordSettlement([ActivityTrigger] SettlementPlanItem input, CancellationToken cancellationToken) =>
        record.ExecuteAsync(input, cancellationToken);

    [Function(nameof(CompleteSettlementDayActivity))]
    public Task<bool> CompleteSettlementDay([ActivityTrigger] SettlementDayResult input, CancellationToken cancellationToken) =>
        completeDay.ExecuteAsync(input, cancellationToken);

    [Function(nameof(ChooseMethodActivity))]
    public Task<bool> ChooseMethod([ActivityTrigger] ChooseMethodInput input, CancellationToken cancellationToken) =>
        chooseMethod.ExecuteAsync(input, cancellationToken);
}
