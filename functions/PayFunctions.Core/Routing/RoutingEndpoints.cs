using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Routing;

/// <summary>A merchant's routing policy, and the platform's channel accounts it may route to.</summary>
public sealed partial class RoutingEndpoints(
    RoutingPolicyStore policies,
    ChannelRegistry channels,
    IdempotentPost idempotentPost,
    AuditLog audit,
    ILogger<RoutingEndpoints> logger)
{
    private const string Json = "application/json";

    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var policy = await policies.GetAsync(merchant.Id, cancellationToken);
        return Results.Text(RoutingPolicyStore.Serialize(policy), Json);
    }

    /// <summary>Replaces the whole policy: sending the same body again leaves it as it is and answers the same.</summary>
    public async Task<IResult> SetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (body, parsed, parseError) = await RequestBody.ReadAsync<RoutingPolicyBody>(request, null, cancellationToken);
        if (parseError is not null)
        {
            return parseError.ToResult();
        }

        var (policy, invalid) = RoutingPolicyValidator.Validate(parsed!, a => channels.AccountsOf(a.Channel).Contains(a.Account));
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var json = RoutingPolicyStore.Serialize(policy!);
        if (json.Length > RoutingPolicyStore.MaxJsonBytes)
        {
            return new ApiError(
                StatusCodes.Status400BadRequest,
                "routing_policy_too_large",
                "The routing policy is too large.",
                $"Written out in full it takes more than {RoutingPolicyStore.MaxJsonBytes} bytes; use fewer rules or candidates.").ToResult();
        }

        return await idempotentPost.RunAsync(
            request,
            merchant.Id,
            body!,
            () => RoutingPolicyEntity.Row,
            async _ =>
            {
                await policies.SaveAsync(merchant.Id, policy!, cancellationToken);
                await audit.AppendAsync(new AuditEvent(
                    AuditEventTypes.RoutingPolicyUpdated,
                    AuditActors.Merchant(merchant.Id),
                    merchant.Id,
                    new Dictionary<string, object?> { ["rules"] = policy!.Rules.Count, ["fees"] = policy.Fees.Count },
                    AuditRequests.IdOf(request)));
                LogPolicySet(logger, merchant.Id, policy!.Rules.Count, policy.Fees.Count);
                return new StoredResponse(StatusCodes.Status200OK, Encoding.UTF8.GetString(json), Json);
            },
            cancellationToken);
    }

    public async Task<IResult> ListChannelAccountsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var accounts = ChannelRegistry.ChannelNames
            .Order(StringComparer.Ordinal)
            .SelectMany(channel => channels.AccountsOf(channel).Select(account => ChannelAccountResource.From(channel, account, channels.DefaultAccountOf(channel) == account)))
            .ToList();
        return Results.Json(new ChannelAccountList("list", "/api/" + ApiRoutes.ListChannelAccounts.Template, accounts, false), ApiJson.Options);
    }

    [LoggerMessage(EventId = 8404, Level = LogLevel.Information, Message = "Routing policy of merchant {MerchantId} set: {Rules} rules, {Fees} fees")]
    private static partial void LogPolicySet(ILogger logger, string merchantId, int rules, int fees);

    internal sealed record ChannelAccountList(string Object, string Url, IReadOnlyList<ChannelAccountResource> Data, bool HasMore);
}
