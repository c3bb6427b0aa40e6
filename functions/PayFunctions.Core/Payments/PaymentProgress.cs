using System.Collections.Concurrent;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Hands the row an activity just wrote to an API request that waits for its payment's next step,
/// when both ran in the same process, so the request neither polls nor reads the row back. Across
/// instances (a scaled-out Functions app) nothing is handed over and the waiter's fallback poll finds it.
/// </summary>
public sealed class PaymentProgress
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<PaymentEntity>> waiters = new(StringComparer.Ordinal);

    /// <summary>The row as the next <see cref="Notify"/> for the payment has it.</summary>
    public Task<PaymentEntity> NextAsync(string paymentId) =>
        waiters.GetOrAdd(paymentId, _ => new TaskCompletionSource<PaymentEntity>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Called with the row as stored after a write; the waiter only reads it.</summary>
    public void Notify(PaymentEntity payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (waiters.TryRemove(payment.Id, out var waiter))
        {
            waiter.TrySetResult(payment);
        }
    }

    /// <summary>Drops the waiter of a request that stopped waiting, so the map does not grow.</summary>
    public void Forget(string paymentId) => waiters.TryRemove(paymentId, out _);
}
