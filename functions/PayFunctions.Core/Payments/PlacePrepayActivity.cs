using Microsoft.DurableTask;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Places the payment's order at once when an account of its route has room, so the common payment reaches its QR
/// code without a trip through the channel's queue and back as an event; under a peak, or when no account answers,
/// the prepay goes on the queue as <see cref="EnqueuePrepayActivity"/> would put it, and the answer is null. The
/// throttles hold either way: the activity only ever takes a permit that is free now.
/// </summary>
public sealed class PlacePrepayActivity(PrepayWorker worker) : TaskActivity<PaymentOrchestrationInput, PrepayOutcome?>
{
    public override Task<PrepayOutcome?> RunAsync(TaskActivityContext context, PaymentOrchestrationInput input) => ExecuteAsync(input, CancellationToken.None);

    public Task<PrepayOutcome?> ExecuteAsync(PaymentOrchestrationInput input, CancellationToken cancellationToken) =>
        worker.PlaceAtOnceAsync(input, cancellationToken);
}
