using Microsoft.DurableTask;
using PayFunctions.Core.Payments;

namespace PayFunctions.Core.Reconciliation;

/// <summary>
/// One channel account's statement day: fetch and match it, run each new difference's automatic step (a few at a
/// time), and record the outcome with its report. A difference whose step fails stays pending and is tried again by
/// the next run of the day; running a day again finds the same differences under the same ids and repeats nothing
/// that already happened.
/// </summary>
public sealed class ReconciliationOrchestrator : TaskOrchestrator<ReconciliationRunInput, ReconciliationRunEntity>
{
    private const int Parallelism = 8;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    public override async Task<ReconciliationRunEntity> RunAsync(TaskOrchestrationContext context, ReconciliationRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ReconciledStatement? statement = null;
        string? error = null;
        var failures = 0;
        try
        {
            statement = await context.CallActivityAsync<ReconciledStatement>(nameof(ReconcileStatementActivity), input, Retry);
        }
        catch (TaskFailedException e)
        {
            error = e.FailureDetails is { } details ? details.ErrorType + ": " + details.ErrorMessage : e.Message;
        }

        if (statement is not null)
        {
            foreach (var chunk in statement.ToResolve.Chunk(Parallelism))
            {
                var resolved = await Task.WhenAll(chunk.Select(hash => ResolveAsync(context, new ResolveDifferenceInput(input.Day, hash))));
                failures += resolved.Count(ok => !ok);
            }
        }

        var outcome = new ReconciliationRunOutcome(
            input, statement is null ? ReconciliationRunStatuses.Failed : ReconciliationRunStatuses.Completed, statement, failures, error);
        return await context.CallActivityAsync<ReconciliationRunEntity>(nameof(CompleteReconciliationActivity), outcome, Retry);
    }

    private static async Task<bool> ResolveAsync(TaskOrchestrationContext context, ResolveDifferenceInput difference)
    {
        try
        {
            var resolution = await context.CallActivityAsync<DifferenceResolution>(nameof(ResolveDifferenceActivity), difference, Retry);
            if (resolution.RaiseToPayment is { } paymentId && resolution.Event is { } paid)
            {
                // The payment's orchestration takes the first outcome it is told and checks its amount, as for a callback.
                context.SendEvent(paymentId, PaymentEvents.ChannelNotification, paid);
                await context.CallActivityAsync<bool>(nameof(RecordRaisedSuccessActivity), difference, Retry);
            }

            return true;
        }
        catch (TaskFailedException)
        {
            return false;
        }
    }
}
