using Microsoft.DurableTask;
using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Hands an order whose money does not match its payment to the channel workers, which book what
/// the channel collected to suspense and refund it to the payer, as they do for a late payment.
/// </summary>
public sealed class ReconcileOrderActivity(IChannelWorkQueue work) : TaskActivity<ReconcileOrderInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, ReconcileOrderInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(ReconcileOrderInput input, CancellationToken cancellationToken)
    {
        await work.EnqueueAsync(new ChannelWorkItem(ChannelWorkItem.ReconcileOrder, input.Channel, input.ChannelAccount, input.MerchantId, input.PaymentId), cancellationToken);
        return true;
    }
}
