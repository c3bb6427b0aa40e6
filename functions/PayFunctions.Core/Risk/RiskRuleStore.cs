using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Http;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk;

/// <summary>A rule as stored: the rule, and when it was made and last changed.</summary>
public sealed record StoredRiskRule(RiskRule Rule, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// Merchants' and the platform's risk rules. Every payment needs its merchant's, so the rule set a payment is
/// evaluated against (<see cref="RiskDefaults"/>, then the platform's, then the merchant's) is kept per merchant for
/// <see cref="CacheLifetime"/>: a change takes effect at once on the instance that took it and within that time on
/// every other. A scope holds at most <see cref="MaxRules"/>, so a cached set is bounded too.
/// </summary>
public sealed partial class RiskRuleStore(StorageClients clients, TimeProvider time, ILogger<RiskRuleStore> logger)
{
    /// <summary>The partition of the platform's rules; merchant ids are <c>mch_…</c>, so none is this.</summary>
    public const string PlatformScope = "platform";

    public const int MaxRules = 100;

    /// <summary>What a binary table property holds.</summary>
    public const int MaxJsonBytes = 64 * 1024;

    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    /// <summary>Past this many merchants the cache starts over rather than grow without bound.</summary>
    private const int MaxCachedMerchants = 100_000;

    private readonly ConcurrentDictionary<string, (RiskRule[] Rules, DateTimeOffset Expires)> cache = new(StringComparer.Ordinal);

    private TableClient Table => clients.Tables.GetTableClient(TableNames.RiskRules);

    /// <summary>A new rule id: <c>rule_</c> and 24 random lower-case hex digits.</summary>
    public static string NewId() => "rule_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static bool IsRuleId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>The canonical JSON of a rule: what is stored, and the rule part of what the API answers.</summary>
    public static byte[] Serialize(RiskRule rule) => JsonSerializer.SerializeToUtf8Bytes(RiskRuleNames.DraftOf(rule), ApiJson.Options);

    /// <summary>Every rule a payment of <paramref name="merchantId"/> is evaluated against, in order.</summary>
    public async Task<IReadOnlyList<RiskRule>> RulesForAsync(string merchantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(merchantId);
        var now = time.GetUtcNow();
        if (cache.TryGetValue(merchantId, out var entry) && entry.Expires > now)
        {
            return entry.Rules;
        }

        var platform = ListAsync(PlatformScope, cancellationToken);
        var own = await ListAsync(merchantId, cancellationToken);
        RiskRule[] rules = [.. RiskDefaults.Rules, .. (await platform).Select(r => r.Rule), .. own.Select(r => r.Rule)];
        if (cache.Count >= MaxCachedMerchants)
        {
            cache.Clear();
        }

        cache[merchantId] = (rules, now + CacheLifetime);
        return rules;
    }

    /// <summary>The rules of a merchant or of <see cref="PlatformScope"/>, oldest first.</summary>
    public async Task<IReadOnlyList<StoredRiskRule>> ListAsync(string scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        var rules = new List<StoredRiskRule>();
        await foreach (var row in Table.QueryAsync<RiskRuleEntity>(e => e.PartitionKey == scope, maxPerPage: MaxRules, cancellationToken: cancellationToken))
        {
            if (Read(row) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return [.. rules.OrderBy(r => r.CreatedAt).ThenBy(r => r.Rule.Id, StringComparer.Ordinal)];
    }

    /// <summary>Adds a rule; null when the scope already holds <see cref="MaxRules"/> (two creates racing may both pass).</summary>
    public async Task<StoredRiskRule?> CreateAsync(string scope, RiskRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if ((await ListAsync(scope, cancellationToken)).Count >= MaxRules)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var row = new RiskRuleEntity { PartitionKey = scope, RowKey = rule.Id, DraftJson = Serialize(rule), CreatedAt = now, UpdatedAt = now };
        await Table.AddEntityAsync(row, cancellationToken);
        Forget(scope);
        return new StoredRiskRule(rule, now, now);
    }

    /// <summary>Replaces a rule; null when the scope has no rule of that id.</summary>
    public async Task<StoredRiskRule?> UpdateAsync(string scope, RiskRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var stored = await Table.GetEntityIfExistsAsync<RiskRuleEntity>(scope, rule.Id, cancellationToken: cancellationToken);
        if (!stored.HasValue)
        {
            return null;
        }

        var row = stored.Value!;
        (row.DraftJson, row.UpdatedAt) = (Serialize(rule), time.GetUtcNow());
        await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        Forget(scope);
        return new StoredRiskRule(rule, row.CreatedAt, row.UpdatedAt);
    }

    /// <summary>Deletes a rule; the rule it was, or null when there was none.</summary>
    public async Task<StoredRiskRule?> DeleteAsync(string scope, string id, CancellationToken cancellationToken)
    {
        var stored = await Table.GetEntityIfExistsAsync<RiskRuleEntity>(scope, id, cancellationToken: cancellationToken);
        if (!stored.HasValue)
        {
            return null;
        }

        try
        {
            await Table.DeleteEntityAsync(scope, id, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Deleted meanwhile by another request: the rule is gone either way.
        }

        Forget(scope);
        return Read(stored.Value!);
    }

    /// <summary>A change to the platform's rules changes every merchant's set.</summary>
    private void Forget(string scope)
    {
        if (scope == PlatformScope)
        {
            cache.Clear();
        }
        else
        {
            cache.TryRemove(scope, out _);
        }
    }

    /// <summary>A stored rule was valid when saved; one that no longer reads is left out rather than fail every payment.</summary>
    private StoredRiskRule? Read(RiskRuleEntity row)
    {
        var (draft, parseError) = RequestBody.Parse<RiskRuleDraft>(row.DraftJson);
        var (rule, error) = draft is null ? (null, null) : RiskRuleValidator.Validate(row.RowKey, draft);
        if (rule is not null)
        {
            return new StoredRiskRule(rule, row.CreatedAt, row.UpdatedAt);
        }

        LogUnreadable(logger, row.PartitionKey, row.RowKey, error?.Param ?? parseError?.Param, error?.Message ?? parseError?.Detail);
        return null;
    }

    [GeneratedRegex("^rule_[0-9a-f]{24}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [LoggerMessage(EventId = 8801, Level = LogLevel.Error, Message = "Risk rule {RuleId} of {Scope} no longer reads ({Param}: {Detail}); left out")]
    private static partial void LogUnreadable(ILogger logger, string scope, string ruleId, string? param, string? detail);
}
