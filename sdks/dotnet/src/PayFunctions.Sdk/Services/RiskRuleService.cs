using PayFunctions.Infrastructure;

namespace PayFunctions;

/// <summary>The risk rules that apply to the merchant's payments: its own and the platform's.</summary>
public sealed class RiskRuleService : Service
{
    private const string Path = "/v1/risk/rules";

    internal RiskRuleService(ApiRequestor requestor)
        : base(requestor)
    {
    }

    /// <summary>Lists the rules (<c>GET /v1/risk/rules</c>).</summary>
    public Task<ListPage<RiskRule>> ListAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ListPage<RiskRule>>(Path, null, cancellationToken);

    /// <summary>Adds a rule of the merchant's own (<c>POST /v1/risk/rules</c>).</summary>
    public Task<RiskRule> CreateAsync(
        RiskRuleOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PostAsync<RiskRule>(Path, options, requestOptions, cancellationToken);
    }

    /// <summary>Replaces one of the merchant's rules (<c>POST /v1/risk/rules/{id}</c>).</summary>
    public Task<RiskRule> UpdateAsync(
        string id, RiskRuleOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PostAsync<RiskRule>($"{Path}/{Segment(id)}", options, requestOptions, cancellationToken);
    }

    /// <summary>Deletes one of the merchant's rules (<c>DELETE /v1/risk/rules/{id}</c>).</summary>
    public Task<DeletedRiskRule> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        Requestor.SendAsync<DeletedRiskRule>(
            HttpMethod.Delete, $"{Path}/{Segment(id)}", null, null, null, cancellationToken);
}
