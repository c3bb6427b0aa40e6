using Microsoft.Azure.Functions.Worker;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Orchestration;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Webhooks;

namespace PayFunctions.FunctionApp;

/// <summary>Function wrappers for the shared activities; names match <see cref="PayFunctionsTasks"/>.</summary>
public sealed class ActivityFunctions(
    EnqueuePrepayActivity enqueuePrepay,
    PlacePrepayActivity placePrepay,
    AssessRiskActivity assessRisk,
    EnqueueChannelCallActivity enqueueChannelCall,
    RequireCaptureActivity requireCapture,
    ReconcileOrderActivity reconcile,
    CompletePaymentActivity complete,
    SendWebhookActivity webhook,
    FinishPaymentActivity finish,
    PlanSettlementActivity plan,
    RecordSettlementActivity record,
    CompleteSettlementDayActivity completeDay,
    ChooseMethodActivity chooseMethod)
{
    [Function(nameof(EnqueuePrepayActivity))]
    public Task<bool> EnqueuePrepay([ActivityTrigger] PaymentOrchestrationInput input, CancellationToken cancellationToken) =>
        enqueuePrepay.ExecuteAsync(input, cancellationToken);

    [Function(nameof(PlacePrepayActivity))]
    public Task<PrepayOutcome?> PlacePrepay([ActivityTrigger] PaymentOrchestrationInput input, CancellationToken cancellationToken) =>
        placePrepay.ExecuteAsync(input, cancellationToken);

    [Function(nameof(AssessRiskActivity))]
    public Task<RiskVerdict> AssessRisk([ActivityTrigger] AssessRiskInput input, CancellationToken cancellationToken) =>
        assessRisk.ExecuteAsync(input, cancellationToken);

    [Function(nameof(EnqueueChannelCallActivity))]
    public Task<bool> EnqueueChannelCall([ActivityTrigger] ChannelCallRequest input, CancellationToken cancellationToken) =>
        enqueueChannelCall.ExecuteAsync(input, cancellationToken);

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

    [Function(nameof(FinishPaymentActivity))]
    public Task<bool> Finish([ActivityTrigger] FinishPaymentInput input, CancellationToken cancellationToken) =>
        finish.ExecuteAsync(input, cancellationToken);

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
