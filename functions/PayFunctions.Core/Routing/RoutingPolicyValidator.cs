using System.Globalization;
using System.Text.RegularExpressions;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Domain;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// Checks a routing policy body in full and maps it to the Domain policy; the first fault becomes a problem
/// naming its field. Codes and country codes are normalised to upper case. Error details never repeat values.
/// </summary>
public static partial class RoutingPolicyValidator
{
    public const int MaxRules = 50;
    public const int MaxCandidates = 10;
    public const int MaxFees = 100;
    public const int MaxListItems = 50;
    public const int MaxNameLength = 64;
    public const int MaxPriority = 1000;
    public const int MaxWeight = 1000;
    public const int MaxPerSecond = 100_000;
    public const double MaxCostWeight = 100;

    /// <summary>A cap no real payment or day reaches, far enough from <see cref="long.MaxValue"/> that sums cannot overflow.</summary>
    public const long MaxMinorUnits = 1_000_000_000_000_000;

    private static readonly Dictionary<string, RoutingObjective> Objectives = Enum.GetValues<RoutingObjective>()
        .ToDictionary(RoutingPolicyBodies.ObjectiveName, StringComparer.Ordinal);

    private static readonly Dictionary<string, TerminalType> Terminals = Enum.GetValues<TerminalType>()
        .ToDictionary(RoutingPolicyBodies.TerminalName, StringComparer.Ordinal);

    /// <summary>
    /// Validates <paramref name="body"/>; <paramref name="isConfigured"/> says whether the platform has an account
    /// (its channel is already known to be one of the catalog's).
    /// </summary>
    public static (RoutingPolicy? Policy, ApiError? Error) Validate(RoutingPolicyBody body, Func<ChannelAccountId, bool> isConfigured)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return (Policy(body, isConfigured), null);
        }
        catch (InvalidPolicyException e)
        {
            return (null, e.Error);
        }
    }

    private static RoutingPolicy Policy(RoutingPolicyBody body, Func<ChannelAccountId, bool> isConfigured)
    {
        if (body.Object is not (null or RoutingPolicyBodies.Object))
        {
            throw Invalid("object", $"object, when sent, must be {RoutingPolicyBodies.Object}.");
        }

        var objective = body.Objective is null ? throw Missing("objective")
            : Objectives.TryGetValue(body.Objective, out var o) ? o
            : throw Invalid("objective", "objective must be success, cost or balanced.");
        var costWeight = 0d;
        if (objective == RoutingObjective.Balanced)
        {
            costWeight = body.CostWeight ?? throw Missing("cost_weight");
            if (costWeight is < 0 or > MaxCostWeight || !double.IsFinite(costWeight))
            {
                throw Invalid("cost_weight", $"cost_weight must be between 0 and {MaxCostWeight}.");
            }
        }
        else if (body.CostWeight is not null)
        {
            throw Invalid("cost_weight", "cost_weight applies to the balanced objective only.");
        }

        var offset = body.UtcOffset is null ? TimeSpan.Zero : Offset(body.UtcOffset);
        var rules = List(body.Rules, "rules", MaxRules, (r, p) => Rule(r, p, isConfigured));
        Unique(rules, r => r.Name.ToUpperInvariant(), i => $"rules[{i}].name", "Rule names must be unique.");
        var fees = List(body.Fees, "fees", MaxFees, (f, p) => Fee(f, p, isConfigured));
        Unique(fees, f => (f.Account, f.Method), i => $"fees[{i}]", "One fee per channel_account and method.");
        return new RoutingPolicy(objective, costWeight, offset, rules, fees);
    }

    private static TimeSpan Offset(string text)
    {
        var match = OffsetPattern().Match(text);
        var hours = match.Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : -1;
        var minutes = match.Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : -1;
        if (hours is < 0 or > 14 || minutes is not (0 or 15 or 30 or 45) || (hours == 14 && minutes > 0))
        {
            throw Invalid("utc_offset", "utc_offset must be ±hh:mm, within ±14:00, in quarter hours, e.g. +08:00.");
        }

        var offset = new TimeSpan(hours, minutes, 0);
        return match.Groups[1].Value == "-" ? -offset : offset;
    }

    private static RoutingRule Rule(RoutingRuleBody rule, string param, Func<ChannelAccountId, bool> isConfigured)
    {
        var name = rule.Name ?? throw Missing(param + ".name");
        if (!NamePattern().IsMatch(name))
        {
            throw Invalid(param + ".name", $"A rule name is 1 to {MaxNameLength} letters, digits, spaces, '_', '-' or '.', starting with a letter or digit.");
        }

        var when = rule.When is null ? new RouteCondition() : Condition(rule.When, param + ".when");
        var candidates = List(rule.Candidates, param + ".candidates", MaxCandidates, (c, p) => Candidate(c, p, isConfigured));
        if (candidates.Count == 0)
        {
            throw Invalid(param + ".candidates", "A rule names at least one candidate.");
        }

        Unique(candidates, c => c.Account, i => $"{param}.candidates[{i}].channel_account", "A rule names each channel_account once.");
        for (var i = 0; i < candidates.Count; i++)
        {
            if (when.Methods is { } methods && !methods.Any(m => Serves(candidates[i].Account.Channel, m)))
            {
                throw Invalid($"{param}.candidates[{i}].channel_account", "The candidate's channel serves none of the rule's methods.");
            }
        }

        return new RoutingRule(name, when, candidates);
    }

    private static RouteCondition Condition(RouteConditionBody when, string param)
    {
        var min = when.MinAmount is { } lo ? Amount(lo, param + ".min_amount") : (long?)null;
        var max = when.MaxAmount is { } hi ? Amount(hi, param + ".max_amount") : (long?)null;
        if (min > max)
        {
            throw Invalid(param + ".max_amount", "max_amount must not be below min_amount.");
        }

        return new RouteCondition
        {
            Methods = Codes(when.Methods, param + ".methods", m => ChannelRegistry.TryGetMethod(m, out _, out _) ? m : null, "a payment method"),
            MinAmount = min,
            MaxAmount = max,
            Currencies = Codes(when.Currencies, param + ".currencies", c => Currency.TryParse(c, out var currency) ? currency.Code : null, "an ISO 4217 currency code"),
            Countries = Codes(when.Countries, param + ".countries", c => CountryCodes.TryNormalize(c, out var country) ? country : null, "an ISO 3166-1 alpha-2 country code"),
            Regions = Codes(when.Regions, param + ".regions", Region, "an ISO 3166-2 subdivision code such as CN-GD"),
            Between = when.Between is null ? null : Window(when.Between, param + ".between"),
            Terminals = when.Terminals is null ? null
                : [.. Codes(when.Terminals, param + ".terminals", t => Terminals.ContainsKey(t) ? t : null, "online, store_code or till")!.Select(t => Terminals[t])],
        };
    }

    private static TimeWindow Window(TimeWindowBody window, string param)
    {
        var start = Time(window.Start, param + ".start");
        var end = Time(window.End, param + ".end");
        return start == end ? throw Invalid(param + ".end", "A window's end differs from its start; omit between to match the whole day.") : new TimeWindow(start, end);
    }

    private static TimeOnly Time(string? text, string param) =>
        text is null ? throw Missing(param)
        : TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
        : throw Invalid(param, "A time of day is HH:mm, 00:00 to 23:59.");

    private static RouteCandidate Candidate(RouteCandidateBody candidate, string param, Func<ChannelAccountId, bool> isConfigured)
    {
        var account = Account(candidate.ChannelAccount, param + ".channel_account", isConfigured);
        var priority = candidate.Priority ?? 0;
        if (priority is < 0 or > MaxPriority)
        {
            throw Invalid(param + ".priority", $"priority must be 0 to {MaxPriority}.");
        }

        var weight = candidate.Weight ?? 1;
        if (weight is < 1 or > MaxWeight)
        {
            throw Invalid(param + ".weight", $"weight must be 1 to {MaxWeight}.");
        }

        return new RouteCandidate(account, priority, weight, candidate.Limits is { } limits ? Limits(limits, param + ".limits") : RouteLimits.None);
    }

    private static RouteLimits Limits(RouteLimitsBody limits, string param)
    {
        var perSecond = limits.PerSecond;
        if (perSecond is < 1 or > MaxPerSecond)
        {
            throw Invalid(param + ".per_second", $"per_second must be 1 to {MaxPerSecond}.");
        }

        if (limits.DailyCount is < 1)
        {
            throw Invalid(param + ".daily_count", "daily_count must be positive.");
        }

        return new RouteLimits(
            limits.MaxAmount is { } max ? Amount(max, param + ".max_amount") : null,
            limits.DailyAmount is { } daily ? Amount(daily, param + ".daily_amount") : null,
            limits.DailyCount,
            perSecond);
    }

    private static AccountFee Fee(AccountFeeBody fee, string param, Func<ChannelAccountId, bool> isConfigured)
    {
        var account = Account(fee.ChannelAccount, param + ".channel_account", isConfigured);
        if (fee.Method is not null && !Serves(account.Channel, fee.Method))
        {
            throw Invalid(param + ".method", "method must be one the account's channel serves, or null for all of them.");
        }

        var basisPoints = fee.BasisPoints ?? throw Missing(param + ".basis_points");
        if (basisPoints is < 0 or > 10_000)
        {
            throw Invalid(param + ".basis_points", "basis_points must be 0 to 10000.");
        }

        var fixedPart = fee.Fixed ?? 0;
        if (fixedPart is < 0 or > MaxMinorUnits)
        {
            throw Invalid(param + ".fixed", $"fixed must be 0 to {MaxMinorUnits} minor units.");
        }

        return new AccountFee(account, fee.Method, basisPoints, fixedPart);
    }

    private static ChannelAccountId Account(string? text, string param, Func<ChannelAccountId, bool> isConfigured)
    {
        if (text is null)
        {
            throw Missing(param);
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var channel = slash < 0 ? "" : text[..slash];
        var account = slash < 0 ? "" : text[(slash + 1)..];
        if (!ChannelRegistry.IsKnown(channel) || !ChannelRegistry.IsValidAccountId(account))
        {
            throw Invalid(param, "channel_account must be channel/account: a known channel and an account id; GET /api/v1/channel_accounts lists them.");
        }

        var id = new ChannelAccountId(channel, account);
        return isConfigured(id) ? id : throw Invalid(param, "The platform has no such account configured; GET /api/v1/channel_accounts lists them.");
    }

    private static bool Serves(string channel, string method) =>
        ChannelRegistry.TryGetMethod(method, out var module, out _) && module.Capabilities.Name == channel;

    private static long Amount(long value, string param) =>
        value is < 1 or > MaxMinorUnits ? throw Invalid(param, $"An amount is 1 to {MaxMinorUnits} minor units.") : value;

    private static string? Region(string code)
    {
        var upper = code.ToUpperInvariant();
        return RegionPattern().IsMatch(upper) && CountryCodes.TryNormalize(upper[..2], out _) ? upper : null;
    }

    /// <summary>A list of codes: null stays null (any), else 1 to <see cref="MaxListItems"/> distinct valid ones, normalised.</summary>
    private static List<string>? Codes(IReadOnlyList<string?>? values, string param, Func<string, string?> normalize, string what)
    {
        if (values is null)
        {
            return null;
        }

        var codes = List(values, param, MaxListItems, (v, p) => (v.Length <= 64 ? normalize(v) : null) ?? throw Invalid(p, $"Each item must be {what}."));
        if (codes.Count == 0)
        {
            throw Invalid(param, $"{param} must not be empty; omit it to match any.");
        }

        Unique(codes, c => c, i => $"{param}[{i}]", "Each item appears once.");
        return codes;
    }

    private static List<T> List<TBody, T>(IReadOnlyList<TBody?>? items, string param, int max, Func<TBody, string, T> map)
        where TBody : class
    {
        if (items is null)
        {
            return [];
        }

        if (items.Count > max)
        {
            throw Invalid(param, $"{param} holds at most {max} items.");
        }

        return [.. items.Select((item, i) => map(item ?? throw Missing($"{param}[{i}]"), $"{param}[{i}]"))];
    }

    private static void Unique<T, TKey>(IReadOnlyList<T> items, Func<T, TKey> key, Func<int, string> param, string detail)
    {
        var seen = new HashSet<TKey>();
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(key(items[i])))
            {
                throw Invalid(param(i), detail);
            }
        }
    }

    private static InvalidPolicyException Missing(string param) => new(ApiError.MissingParameter(param));

    private static InvalidPolicyException Invalid(string param, string detail) => new(ApiError.InvalidRequest(param, detail));

    [GeneratedRegex(@"^([+-])(\d{2}):(\d{2})\z")]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _.\-]{0,63}\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Z]{2}-[A-Z0-9]{1,3}\z")]
    private static partial Regex RegionPattern();

    /// <summary>Carries the first fault out of the nested checks; never leaves this class.</summary>
    private sealed class InvalidPolicyException(ApiError error) : Exception(error.Detail)
    {
        public ApiError Error { get; } = error;
    }
}
