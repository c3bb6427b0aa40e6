using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// Operators read every configured account's health with the admin key; anyone reads the public status page,
/// which shows one state per channel and nothing about accounts, volumes or errors.
/// </summary>
public sealed class ChannelHealthEndpoints(ChannelRegistry registry, ChannelHealth health, TimeProvider time)
{
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var data = ConfiguredAccounts()
            .Select(a => ChannelHealthResource.From(a.Channel, a.Account, health.Get(a)))
            .ToList();
        return Results.Json(new ChannelHealthList("list", "/api/" + ApiRoutes.GetChannelHealth.Template, data), ApiJson.Options);
    }

    public IResult StatusPage()
    {
        var channels = ConfiguredAccounts()
            .GroupBy(a => a.Channel, StringComparer.Ordinal)
            .Select(g =>
            {
                var statuses = g.Select(a => health.Get(a)).Select(h => HealthStatus.OfAccount(h, h.AsOf)).ToList();
                return new StatusLine(g.Key, ChannelRegistry.Module(g.Key).Capabilities.DisplayName, HealthStatus.OfChannel(statuses)!);
            })
            .ToList();
        return StatusPageHtml.Render(channels, time.GetUtcNow());
    }

    private IEnumerable<ChannelAccountId> ConfiguredAccounts() =>
        ChannelRegistry.ChannelNames
            .Order(StringComparer.Ordinal)
            .SelectMany(channel => registry.AccountsOf(channel).Select(account => new ChannelAccountId(channel, account)));
}
