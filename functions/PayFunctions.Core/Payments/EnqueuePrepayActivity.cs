using Microsoft.DurableTask;
using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Puts the payment's prepay on its channel's queue. The message id comes from the payment id, so a
/// replayed enqueue is a duplicate Service Bus drops; on Storage queues the channel recognises a
/// repeated order by its number, which is the payment id.
/// </summary>
public sealed class EnqueuePrepayActivity(IChannelWorkQueue work) : TaskActivity<PaymentOrchestrationInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, PaymentOrchestrationInput input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(PaymentOrchestrationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await work.EnqueueAsync(PrepayWorker.ItemFor(input), cancellationToken);
        return true;
    }
}
