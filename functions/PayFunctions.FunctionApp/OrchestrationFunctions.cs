using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PayFunctions.Core.Orchestration;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain;

namespace PayFunctions.FunctionApp;

/// <summary>Function wrappers for the shared orchestrators; names match <see cref="PayFunctionsTasks"/>.</summary>
public static class OrchestrationFunctions
{
    [Function(nameof(PaymentOrchestrator))]
    public static Task<PaymentStatus> RunPaymentOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new PaymentOrchestrator().RunAsync(context, context.GetInput<PaymentOrchestrationInput>()!);

    [Function(nameof(SettlementOrchestrator))]
    public static Task<SettlementDayResult> RunSettlementOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SettlementOrchestrator().RunAsync(context, context.GetInput<SettlementInput>()!);

    [Function(nameof(SettlementCatchUpOrchestrator))]
    public static Task<List<SettlementDayResult>> RunSettlementCatchUpOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SettlementCatchUpOrchestrator().RunAsync(context, context.GetInput<SettlementCatchUpInput>()!);

    [Function(nameof(WebhookOrchestrator))]
    public static Task<bool> RunWebhookOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new WebhookOrchestrator().RunAsync(context, context.GetInput<WebhookInput>()!);
}
