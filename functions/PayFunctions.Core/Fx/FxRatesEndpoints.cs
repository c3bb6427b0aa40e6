using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Fx;

/// <summary>
/// Operators load the ECB's daily reference rates file as published and read the newest day back. Loading a day
/// again with the same rates changes nothing; with other rates it is refused, since the ECB does not revise a day.
/// </summary>
public sealed partial class FxRatesEndpoints(FxRatesStore store, AuditLog audit, TimeProvider time, ILogger<FxRatesEndpoints> logger)
{
    public async Task<IResult> LoadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var actor = caller.Actor;
        var body = await RequestBody.ReadBytesAsync(request, cancellationToken) ?? [];
        var (parsed, invalid) = EcbRatesParser.Parse(body);
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        // The ECB publishes a day's rates that afternoon in Frankfurt: a later date is not a published file.
        if (parsed!.Rates.Date > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1))
        {
            return new ApiError(StatusCodes.Status400BadRequest, "fx_rates_invalid", "The reference rates could not be read.", "Cube time is in the future.").ToResult();
        }

        var (stored, inserted, same) = await store.AddAsync(FxRatesEntity.From(parsed.Rates, time.GetUtcNow()), cancellationToken);
        if (!same)
        {
            return new ApiError(
                StatusCodes.Status409Conflict,
                "fx_rates_conflict",
                "Other rates are already loaded for that day.",
                $"The rates of {stored.Date} were loaded at {stored.LoadedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} and are kept.").ToResult();
        }

        if (inserted)
        {
            LogLoaded(logger, stored.Date, parsed.Rates.PerEuro.Count);
            await audit.AppendAsync(new AuditEvent(
                AuditEventTypes.FxRatesLoaded, actor, stored.Date, new Dictionary<string, object?> { ["currencies"] = parsed.Rates.PerEuro.Count }, AuditRequests.IdOf(request)));
        }

        return Results.Json(
            FxRatesResource.From(stored) with { IgnoredCurrencies = parsed.Ignored.Count == 0 ? null : parsed.Ignored },
            ApiJson.Options,
            statusCode: inserted ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var newest = await store.NewestAsync(cancellationToken);
        return newest is null
            ? new ApiError(StatusCodes.Status404NotFound, "resource_missing", "No reference rates are loaded.", "POST the ECB's eurofxref-daily.xml to /api/ops/fx_rates.").ToResult()
            : Results.Json(FxRatesResource.From(newest), ApiJson.Options);
    }

    [LoggerMessage(EventId = 7901, Level = LogLevel.Information, Message = "Reference rates of {Date} loaded for {Count} currencies")]
    private static partial void LogLoaded(ILogger logger, string date, int count);

    internal sealed record FxRatesResource(string Object, string Source, string Base, string Date, IReadOnlyDictionary<string, string> Rates, DateTimeOffset LoadedAt)
    {
        /// <summary>Currencies the file lists that the platform does not support; only in the load's answer.</summary>
        public IReadOnlyList<string>? IgnoredCurrencies { get; init; }

        public static FxRatesResource From(FxRatesEntity day) => new(
            "fx_rates",
            day.PartitionKey,
            "eur",
            day.Date,
            day.Rates.PerEuro.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value.ToString(CultureInfo.InvariantCulture)),
            day.LoadedAt);
    }
}
