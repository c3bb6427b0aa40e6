using System.Text.Json;
using Microsoft.DurableTask;
using PayFunctions.Core.Channels;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Orchestration;

/// <summary>
/// An orchestration's call to a channel account, made by the channel workers off the account's queue so that it keeps
/// within the account's limits however many orchestrations ask at once. Each try has its own deterministic call id; its
/// answer is an external event named after that id, waited for before the call is queued so an answer raised at once is
/// not missed, and raced against a durable timer so a lost message cannot hold the orchestration: a try that timed out
/// failed, and a late answer to it is never taken for a later try's. Tries follow <see cref="RetryPolicy"/>'s numbers on
/// durable timers; after the last one the call throws <see cref="TaskFailedException"/>, as a failed activity would.
/// </summary>
public static class ChannelCalls
{
    /// <summary>
    /// How long a try waits for its answer: beyond a queue backed up by a peak, a permit's wait at a saturated account and
    /// the account pipeline's own retries, so only a lost message (or a worker that keeps failing) runs it out.
    /// </summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromMinutes(5);

    // Putting a message on a queue is storage work, retried as the orchestrations retry theirs.
    private static readonly TaskOptions EnqueueRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <param name="operation">One of <see cref="ChannelCallOperations"/>.</param>
    /// <param name="input">The operation's input; it names <paramref name="account"/>.</param>
    /// <param name="retry">How many tries, and the waits between them.</param>
    /// <param name="answerTimeout">How long each try waits for its answer; <see cref="AnswerTimeout"/> when null.</param>
    /// <exception cref="TaskFailedException">The last try failed or was not answered in time.</exception>
    public static async Task<TOut> CallAsync<TIn, TOut>(
        TaskOrchestrationContext context, string operation, ChannelAccountId account, TIn input, RetryPolicy retry, TimeSpan? answerTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(retry);
        var json = JsonSerializer.Serialize(input);
        for (var attempt = 1; ; attempt++)
        {
            var callId = context.NewGuid().ToString("D");
            using var waitCancellation = new CancellationTokenSource();
            var answering = context.WaitForExternalEvent<ChannelCallAnswer>(ChannelCallEvents.AnswerOf(callId), waitCancellation.Token);
            await context.CallActivityAsync(
                nameof(EnqueueChannelCallActivity), new ChannelCallRequest(operation, account.Channel, account.Account, context.InstanceId, callId, json), EnqueueRetry);

            using var timerCancellation = new CancellationTokenSource();
            var timeout = context.CreateTimer(context.CurrentUtcDateTime + (answerTimeout ?? AnswerTimeout), timerCancellation.Token);
            var answered = await Task.WhenAny(answering, timeout) == answering;

            // Orchestrator code may await only durable tasks: the loser is cancelled synchronously.
#pragma warning disable CA1849
            (answered ? timerCancellation : waitCancellation).Cancel();
#pragma warning restore CA1849
            var answer = answered ? answering.Result : null;
            if (answer is { Succeeded: true, Result: { } result })
            {
                return JsonSerializer.Deserialize<TOut>(result)!;
            }

            if (attempt >= retry.MaxNumberOfAttempts)
            {
                // No single durable task failed: the id says so.
                throw new TaskFailedException(operation, -1, new TaskFailureDetails(
                    answer?.ErrorType ?? typeof(TimeoutException).FullName!,
                    answer?.ErrorMessage ?? $"No answer to {operation} at {account} came within {answerTimeout ?? AnswerTimeout}.",
                    null,
                    null,
                    null));
            }

            await context.CreateTimer(DelayAfter(retry, attempt), CancellationToken.None);
        }
    }

    /// <summary>The wait after try <paramref name="attempt"/>, as a Durable retry policy computes it.</summary>
    public static TimeSpan DelayAfter(RetryPolicy retry, int attempt)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var delay = retry.FirstRetryInterval.TotalMilliseconds * Math.Pow(retry.BackoffCoefficient, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(delay, retry.MaxRetryInterval.TotalMilliseconds));
    }
}
