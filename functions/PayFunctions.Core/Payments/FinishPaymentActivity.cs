using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Webhooks;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Moves the payment to its final status and makes the first delivery of its event, in one activity: a payment
/// whose merchant takes the event at once ends in one orchestration episode fewer. The answer says whether the
/// event was delivered; one that was not is left to <see cref="SendWebhookActivity"/>'s retries, which send the
/// same event id and body.
/// </summary>
public sealed partial class FinishPaymentActivity(CompletePaymentActivity complete, SendWebhookActivity webhook, ILogger<FinishPaymentActivity> logger)
    : TaskActivity<FinishPaymentInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, FinishPaymentInput input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(FinishPaymentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        // A failed completion fails the activity, which is retried whole; the event goes out only after it.
        await complete.ExecuteAsync(input.Completion, cancellationToken);
        try
        {
            return await webhook.ExecuteAsync(input.Event, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFirstDeliveryFailed(logger, e, input.Event.EventId, input.Event.MerchantId);
            return false;
        }
    }

    [LoggerMessage(EventId = 7831, Level = LogLevel.Information, Message = "First delivery of {EventId} to merchant {MerchantId} failed; it is retried with backoff")]
    private static partial void LogFirstDeliveryFailed(ILogger logger, Exception exception, string eventId, string merchantId);
}

/// <summary>The payment's completion and the event that announces it.</summary>
public sealed record FinishPaymentInput(CompletePaymentInput Completion, WebhookInput Event);
