using Microsoft.DurableTask;
using PayFunctions.Core.Payments;

namespace PayFunctions.Core.Webhooks;

/// <summary>
/// Delivers one event that no orchestration of its subject sends (an operator's release of a review comes from an HTTP
/// request, after the payment's orchestration has ended), with the retries a payment's own events get. The instance id
/// is the event id, so one event has one delivery orchestration however often its sender repeats itself.
/// </summary>
public sealed class WebhookOrchestrator : TaskOrchestrator<WebhookInput, bool>
{
    public static StartOrchestrationOptions StartOptions(WebhookInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new StartOrchestrationOptions(input.EventId);
    }

    /// <summary>True when delivered; false when every retry failed (the attempts are recorded on the event).</summary>
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, WebhookInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.CallActivityAsync(nameof(SendWebhookActivity), input, PaymentOrchestrator.WebhookRetry);
            return true;
        }
        catch (TaskFailedException)
        {
            return false;
        }
    }
}
