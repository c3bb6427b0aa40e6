using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Settlements;

/// <summary>Merchants list their settlements; operators can run a day's batch by hand (the daily run does it at 00:30).</summary>
public sealed class SettlementEndpoints(
    SettlementStore settlements,
    SettlementScheduler scheduler,
    AuditLog audit)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var list = await settlements.ListAsync(merchant.Id, cancellationToken);
        var data = list.Select(s => new SettlementResource(s.Id, "settlement", s.AccountId, s.Amount, s.Currency.ToLowerInvariant(), s.SettlementDate, s.CutoffUtc, s.JournalEntryId, s.CreatedAt));
        return Results.Json(new SettlementList("list", "/api/v1/settlements", [.. data], false), ApiJson.Options);
    }

    /// <summary>
    /// Runs the batch of <c>date</c> (default: the latest day that may be settled) and answers when it ends. Only a day
    /// whose cut-off has passed may run; running a day again is safe and pays only what is still owed.
    /// </summary>
    public async Task<IResult> RunAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var actor = caller.Actor;
        var dateText = request.Query["date"].ToString();
        DateOnly date;
        if (dateText.Length == 0)
        {
            date = scheduler.LatestSettleableDate();
        }
        else if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return ApiError.InvalidRequest("date", "date must be yyyy-MM-dd.").ToResult();
        }
        else if (date < SettlementScheduler.EarliestDate)
        {
            return ApiError.InvalidRequest("date", $"date must be {SettlementScheduler.EarliestDate:yyyy-MM-dd} or later.").ToResult();
        }
        else if (!scheduler.CanSettle(date))
        {
            return ApiError.SettlementDateInFuture(date, scheduler.OpensAt(date)).ToResult();
        }

        var (instanceId, result) = await scheduler.RunDayAsync(durable, date, cancellationToken);
        await audit.AppendAsync(new AuditEvent(
            AuditEventTypes.SettlementRun,
            actor,
            instanceId,
            new Dictionary<string, object?>
            {
                ["settlement_date"] = result.SettlementDate, ["accounts"] = result.Accounts, ["settlements_recorded"] = result.Recorded, ["failed"] = result.Failed.Count,
                ["held"] = result.Held?.Count ?? 0,
            },
            AuditRequests.IdOf(request)));
        var failed = result.Failed.Select(f => new FailureResource(f.AccountId, f.Currency.ToLowerInvariant(), f.Error));
        var held = (result.Held ?? []).Select(h => new HeldResource(h.AccountId, h.Currency.ToLowerInvariant(), "screening_hit"));
        return Results.Json(
            new RunResource("settlement_run", instanceId, result.SettlementDate, result.Status, result.Accounts, result.Recorded, failed, held),
            ApiJson.Options,
            statusCode: StatusCodes.Status200OK);
    }

    internal sealed record SettlementList(string Object, string Url, IReadOnlyList<SettlementResource> Data, bool HasMore);

    internal sealed record SettlementResource(
        string Id, string Object, string Account, long Amount, string Currency, string SettlementDate, DateTimeOffset CutoffAt, string JournalEntryId, DateTimeOffset CreatedAt);

    internal sealed record RunResource(
        string Object, string InstanceId, string SettlementDate, string Status, int Accounts, int SettlementsRecorded, IEnumerable<FailureResource> Failed,
        IEnumerable<HeldResource> Held);

    internal sealed record FailureResource(string Account, string Currency, string Error);

    /// <summary>An account the run did not pay: <c>reason</c> is <c>screening_hit</c>, a hit pending review or confirmed.</summary>
    internal sealed record HeldResource(string Account, string Currency, string Reason);
}
