using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Reconciliation;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Webhooks;
namespace PayFunctions.Core.Orchestration;

/// <summary>The orchestrations and activities both hosts must expose under these exact names.</summary>
public static class PayFunctionsTasks
{
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(PaymentOrchestrator), typeof(SettlementOrchestrator), typeof(SettlementCatchUpOrchestrator), typeof(RefundOrchestrator), typeof(ReconciliationOrchestrator), typeof(RescreenOrchestrator), typeof(WebhookOrchestrator)];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(EnqueuePrepayActivity),
        typeof(PlacePrepayActivity),
        typeof(AssessRiskActivity),
        typeof(EnqueueChannelCallActivity),
        typeof(RequireCaptureActivity),
        typeof(ReconcileOrderActivity),
        typeof(CompletePaymentActivity),
        typeof(SendWebhookActivity),
        typeof(FinishPaymentActivity),
        typeof(PlanSettlementActivity),
        typeof(RecordSettlementActivity),
        typeof(CompleteSettlementDayActivity),
        typeof(CompleteRefundActivity),
        typeof(ChooseMethodActivity),
        typeof(ReconcileStatementActivity),
        typeof(ResolveDifferenceActivity),
        typeof(RecordRaisedSuccessActivity),
        typeof(CompleteReconciliationActivity),
        typeof(RescreenPageActivity),
    ];
}
