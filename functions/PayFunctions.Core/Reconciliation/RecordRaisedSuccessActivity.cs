using Microsoft.DurableTask;
using PayFunctions.Core.Audit;

namespace PayFunctions.Core.Reconciliation;

/// <summary>
/// Resolves a difference once the reconciliation's orchestration has raised the channel's confirmed success to the
/// payment's orchestration; recorded after the raise, so a difference never reads resolved before its payment was told.
/// </summary>
public sealed class RecordRaisedSuccessActivity(ReconciliationDifferenceStore differences, TimeProvider time)
    : TaskActivity<ResolveDifferenceInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, ResolveDifferenceInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(ResolveDifferenceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (difference, _) = await differences.GetRecordedAsync(input, cancellationToken);
        return await differences.TransitionAsync(
            difference,
            [ReconciliationStatuses.Pending],
            ReconciliationStatuses.Resolved,
            ReconciliationOutcomes.LateSuccessRaised,
            "The channel confirmed the payment; its orchestration books it after checking the amount.",
            AuditActors.System,
            time.GetUtcNow(),
            cancellationToken);
    }
}
