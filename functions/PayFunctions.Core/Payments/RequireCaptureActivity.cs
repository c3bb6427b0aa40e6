using Microsoft.DurableTask;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>Records that the channel holds the payer's money and the payment now waits for the merchant's capture.</summary>
public sealed class RequireCaptureActivity(PaymentStore payments, PaymentProgress progress) : TaskActivity<RequireCaptureInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, RequireCaptureInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(RequireCaptureInput input, CancellationToken cancellationToken)
    {
        var payment = await payments.UpdateAsync(input.MerchantId, input.PaymentId, p =>
        {
            if (!PaymentTransitions.CanTransition(p.StatusValue, PaymentStatus.RequiresCapture))
            {
                return false;
            }

            p.Status = nameof(PaymentStatus.RequiresCapture);
            p.CaptureBefore = input.CaptureBefore;
            p.ChannelTradeNo = input.ChannelTradeNo is { Length: > 0 } ? input.ChannelTradeNo : p.ChannelTradeNo;
            return true;
        }, cancellationToken);
        progress.Notify(payment);
        return payment.StatusValue == PaymentStatus.RequiresCapture;
    }
}
