using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Configuration;
using PayFunctions.Core.Orchestration;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Api;

/// <summary>Merchants list their settlements; operators can start a day's batch by hand (the timer does it daily).</summary>
public sealed class SettlementEndpoints(
    MerchantAuthenticator authenticator,
    SettlementStore settlements,
    SettlementScheduler scheduler,
    AdminAuthenticator admin)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var list = await settlements.ListAsync(merchant.Id, cancellationToken);
        var data = list.Select(s => new SettlementResource(s.Id, "settlement", s.AccountId, s.Amount, s.Currency.ToLowerInvariant(), s.SettlementDate, s.CutoffUtc, s.JournalEntryId, s.CreatedAt));
        return Results.Json(new { @object = "list", url = "/api/v1/settlements", data, has_more = false }, ApiJson.Options);
    }

    public async Task<IResult> RunAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!await admin.IsAdminAsync(request, cancellationToken))
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var dateText = request.Query["date"].ToString();
        DateOnly? date = null;
        if (dateText.Length > 0)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return ApiError.InvalidRequest("date", "date must be yyyy-MM-dd.").ToResult();
            }

            date = parsed;
        }

        var (instanceId, settled) = await scheduler.RunAsync(durable, date, cancellationToken);
        return Results.Json(new { instance_id = instanceId, settlements_recorded = settled }, ApiJson.Options, statusCode: StatusCodes.Status200OK);
    }

    private sealed record SettlementResource(
        string Id, string Object, string Account, long Amount, string Currency, string SettlementDate, DateTimeOffset CutoffAt, string JournalEntryId, DateTimeOffset CreatedAt);
}
