using Microsoft.DurableTask;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Webhooks;

namespace PayFunctions.Core.Webhooks;

public sealed class SendWebhookActivity(WebhookSender sender) : TaskActivity<WebhookInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, WebhookInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(WebhookInput input, CancellationToken cancellationToken)
    {
        await sender.DeliverAsync(input.MerchantId, input.PaymentId, input.EventType, input.EventId, cancellationToken);
        return true;
    }
}
