using Microsoft.DurableTask;

namespace PayFunctions.Core.Screening;

/// <summary>
/// After a list is uploaded, screens every merchant and connected account again, a page at a time
/// (<see cref="RescreenPageActivity"/>), so the parties onboarded before the list was are held as soon as it names
/// them. Screening is idempotent (a hit's id is the party and the entry), so a page run twice, or two rescreens at
/// once, record each hit once. Payers are not screened again: a payer is screened once, by the name the channel
/// reported with the payment's result, and the name is then dropped rather than kept for later lists.
/// </summary>
public sealed class RescreenOrchestrator : TaskOrchestrator<RescreenInput, RescreenResult>
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    public static string NewInstanceId() => "sanctions_rescreen_" + Guid.NewGuid().ToString("N")[..12];

    public override async Task<RescreenResult> RunAsync(TaskOrchestrationContext context, RescreenInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (screened, hits) = (0, 0);
        foreach (var kind in RescreenKinds.All)
        {
            string? token = null;
            do
            {
                var page = await context.CallActivityAsync<RescreenPage>(nameof(RescreenPageActivity), new RescreenPageInput(kind, token), Retry);
                (screened, hits, token) = (screened + page.Screened, hits + page.Hits, page.ContinuationToken);
            }
            while (token is not null);
        }

        return new RescreenResult(screened, hits);
    }
}
