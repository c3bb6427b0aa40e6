using Microsoft.Extensions.Options;
using PayFunctions.Core.Audit;

namespace PayFunctions.Core.Aml;

/// <summary>Starts report runs: the daily run of yesterday, and an operator's run of one day.</summary>
public sealed class AmlScheduler(AmlReportRunner runner, IOptions<AmlOptions> options, TimeProvider time, AuditLog audit)
{
    /// <summary>02:00 in the monitoring zone: after the 00:30 settlement has paid yesterday's credits out, which rapid in-and-out reads.</summary>
    public static readonly TimeSpan DailyRunAt = TimeSpan.FromHours(2);

    /// <summary>No day before this is reported: nothing was indexed then, and it keeps date arithmetic far from its limits.</summary>
    public static readonly DateOnly EarliestDay = new(2000, 1, 1);

    /// <summary>Today in the monitoring zone: the latest day a run may be asked for (a day still going is reported as far as it went).</summary>
    public DateOnly Today => options.Value.DayOf(time.GetUtcNow());

    /// <summary>Runs a day for <paramref name="actor"/> and records it in the audit trail.</summary>
    public async Task<AmlRunEntity> RunAsync(DateOnly day, string actor, string? requestId, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(day, actor, cancellationToken);
        await audit.AppendAsync(new AuditEvent(AuditEventTypes.AmlReportRun, actor, run.Day, new Dictionary<string, object?> { ["day"] = run.Day }, requestId));
        return run;
    }

    /// <summary>The daily run: yesterday. Running it twice writes the same files and opens no case twice.</summary>
    public Task<AmlRunEntity> RunDailyAsync(CancellationToken cancellationToken) => RunAsync(Today.AddDays(-1), AuditActors.System, null, cancellationToken);
}
