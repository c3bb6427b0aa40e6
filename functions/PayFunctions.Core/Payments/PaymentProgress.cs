using System.Collections.Concurrent;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Wakes an API request that waits for its payment's next step when the activity that wrote that
/// step ran in the same process, so the request need not poll the table. Across instances (a
/// scaled-out Functions app) nothing is signalled and the waiter's slow fallback poll finds it.
/// </summary>
public sealed class PaymentProgress
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiters = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next <see cref="Notify"/> for the payment.</summary>
    public Task NextAsync(string paymentId) =>
        waiters.GetOrAdd(paymentId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string paymentId)
    {
        if (waiters.TryRemove(paymentId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>Drops the waiter of a request that stopped waiting, so the map does not grow.</summary>
    public void Forget(string paymentId) => waiters.TryRemove(paymentId, out _);
}
