using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using PayFunctions.Domain.Reports;

namespace PayFunctions.Domain.Risk;

/// <summary>What is wrong with a draft: the field (snake_case, as on the wire) and a sentence that never repeats the value.</summary>
public sealed record RiskRuleError(string Param, string Message);

/// <summary>
/// Checks a <see cref="RiskRuleDraft"/> in full and makes the <see cref="RiskRule"/>: a kind's own fields are required
/// (velocity: <c>key</c>, <c>window</c> and at least one of <c>max_count</c> and <c>max_amount</c>), any other field is
/// refused, every number is bounded, and list values are normalised as the facts they are compared with. Allow is for
/// list rules only: every other kind measures risk, and allowing a payment because it looks risky means nothing.
/// </summary>
public static class RiskRuleValidator
{
    /// <summary>The longest description.</summary>
    public const int MaxDescriptionLength = 200;

    /// <summary>The most values a list rule holds: a rule is cached with every payment's evaluation, not a database.</summary>
    public const int MaxValues = 1000;

    /// <summary>The longest list value.</summary>
    public const int MaxValueLength = 128;

    /// <summary>The largest <c>max_count</c>.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>The largest <c>min_count</c>.</summary>
    public const int MaxMinCount = 10_000;

    /// <summary>The largest <c>max_amount</c>, far from <see cref="long.MaxValue"/> so that a sum plus it cannot overflow.</summary>
    public const long MaxAmount = 1_000_000_000_000_000;

    /// <summary>The largest <c>min_z</c>.</summary>
    public const double MaxZ = 100;

    /// <summary>The largest <c>min_kmh</c>.</summary>
    public const double MaxKmh = 100_000;

    /// <summary>Validates <paramref name="draft"/> as the rule <paramref name="id"/>.</summary>
    public static (RiskRule? Rule, RiskRuleError? Error) Validate(string id, RiskRuleDraft draft)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(draft);
        try
        {
            return (Rule(id, draft), null);
        }
        catch (InvalidRuleException e)
        {
            return (null, e.Error);
        }
    }

    /// <summary>
    /// A fact as list values are stored: an IP address in its canonical text (an IPv4-mapped IPv6 address as IPv4),
    /// a country or region code in upper case, any other value as it is. Null when the fact cannot be on such a list.
    /// </summary>
    public static string? NormalizeListValue(RiskListField field, string? value) => field switch
    {
        _ when value is null => null,
        RiskListField.Ip => IPAddress.TryParse(value, out var address)
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : null,
        RiskListField.PayerCountry => CountryCodes.TryNormalize(value, out var country) ? country : null,
        RiskListField.IpRegion => RegionCodes.TryNormalize(value, out var region) ? region : null,
        _ => value.Length is > 0 and <= MaxValueLength && !value.Any(char.IsControl) ? value : null,
    };

    private static RiskRule Rule(string id, RiskRuleDraft draft)
    {
        var kind = draft.Kind is null ? throw Missing("kind")
            : RiskRuleNames.Kinds.TryGetValue(draft.Kind, out var k) ? k
            : throw Invalid("kind", "kind must be one of: " + string.Join(", ", RiskRuleNames.Kinds.Keys.Order(StringComparer.Ordinal)) + ".");
        var action = draft.Action is null ? throw Missing("action")
            : RiskRuleNames.Actions.TryGetValue(draft.Action, out var a) ? a
            : throw Invalid("action", "action must be allow, review or block.");
        if (action == RiskOutcome.Allow && kind != RiskRuleKind.List)
        {
            throw Invalid("action", "allow is for list rules only; other kinds review or block.");
        }

        var rule = new RiskRule(id, kind, action, Stages(draft.Stages), Description(draft.Description));
        Unexpected(kind, draft);
        return kind switch
        {
            RiskRuleKind.Velocity => Velocity(rule, draft),
            RiskRuleKind.CardTesting => rule with
            {
                Key = Key(draft.Key),
                MinCount = Within(draft.MinCount, "min_count", 2, MaxMinCount),
            },
            RiskRuleKind.AmountOutlier => rule with { Threshold = Within(draft.MinZ, "min_z", 0, MaxZ, exclusiveMin: true) },
            RiskRuleKind.UnusualRegion => rule with { Threshold = Within(draft.MaxShare, "max_share", 0, 1, exclusiveMin: true) },
            RiskRuleKind.ImpossibleTravel => rule with { Threshold = Within(draft.MinKmh, "min_kmh", 0, MaxKmh, exclusiveMin: true) },
            RiskRuleKind.Score => rule with { Threshold = Within(draft.MinScore, "min_score", 0, 1, exclusiveMin: true) },
            RiskRuleKind.List => List(rule, draft),
            _ => rule,
        };
    }

    private static RiskStages Stages(IReadOnlyList<string?>? stages)
    {
        if (stages is null)
        {
            return RiskStages.Both;
        }

        var result = (RiskStages)0;
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i] is not { } name || !RiskRuleNames.Stages.TryGetValue(name, out var stage))
            {
                throw Invalid($"stages[{i}]", "A stage is before_channel or on_result.");
            }

            result |= stage;
        }

        return result == 0 ? throw Invalid("stages", "stages, when sent, names at least one stage.") : result;
    }

    private static string? Description(string? description) =>
        description is null ? null
        : description.Length is > 0 and <= MaxDescriptionLength && !description.Any(char.IsControl) ? description
        : throw Invalid("description", $"description is 1 to {MaxDescriptionLength} printable characters.");

    private static RiskRule Velocity(RiskRule rule, RiskRuleDraft draft)
    {
        var window = draft.Window is null ? throw Missing("window")
            : RiskRuleNames.Windows.TryGetValue(draft.Window, out var w) ? w
            : throw Invalid("window", "window must be 1m, 10m, 1h or 24h.");
        if (draft.MaxCount is null && draft.MaxAmount is null)
        {
            throw Invalid("max_count", "A velocity rule sets max_count, max_amount or both.");
        }

        int? maxCount = draft.MaxCount is null ? null : Within(draft.MaxCount, "max_count", 1, MaxCount);
        long? maxAmount = null;
        Currency? currency = null;
        if (draft.MaxAmount is { } amount)
        {
            if (window is RiskWindow.OneMinute or RiskWindow.TenMinutes)
            {
                throw Invalid("max_amount", "Sums are kept for the 1h and 24h windows only.");
            }

            maxAmount = amount is >= 1 and <= MaxAmount ? amount : throw Invalid("max_amount", $"max_amount is 1 to {MaxAmount} minor units.");
            currency = draft.Currency is null ? throw Missing("currency")
                : Domain.Currency.TryParse(draft.Currency, out var c) ? c
                : throw Invalid("currency", "currency is not a supported ISO 4217 code.");
        }
        else if (draft.Currency is not null)
        {
            throw Invalid("currency", "currency goes with max_amount only.");
        }

        return rule with { Key = Key(draft.Key), Window = window, MaxCount = maxCount, MaxAmount = maxAmount, Currency = currency };
    }

    private static RiskRule List(RiskRule rule, RiskRuleDraft draft)
    {
        var field = draft.Field is null ? throw Missing("field")
            : RiskRuleNames.Fields.TryGetValue(draft.Field, out var f) ? f
            : throw Invalid("field", "field must be one of: " + string.Join(", ", RiskRuleNames.Fields.Keys.Order(StringComparer.Ordinal)) + ".");
        if (draft.Values is not { Count: > 0 } values)
        {
            throw Invalid("values", "A list rule has at least one value.");
        }

        if (values.Count > MaxValues)
        {
            throw Invalid("values", $"A list rule has at most {MaxValues} values.");
        }

        var normalized = new HashSet<string>(values.Count, StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { Length: > 0 and <= MaxValueLength } value || NormalizeListValue(field, value) is not { } n)
            {
                throw Invalid($"values[{i}]", ValueRule(field));
            }

            normalized.Add(n);
        }

        return rule with { Field = field, Values = normalized.ToFrozenSet(StringComparer.Ordinal) };
    }

    private static string ValueRule(RiskListField field) => field switch
    {
        RiskListField.Ip => "An ip value is an IPv4 or IPv6 address.",
        RiskListField.PayerCountry => "A payer_country value is an ISO 3166-1 alpha-2 code.",
        RiskListField.IpRegion => "An ip_region value is an ISO 3166-1 alpha-2 code or a Chinese province's ISO 3166-2 code.",
        _ => $"A value is 1 to {MaxValueLength} printable characters.",
    };

    private static RiskKey Key(string? key) =>
        key is null ? throw Missing("key")
        : RiskRuleNames.Keys.TryGetValue(key, out var k) ? k
        : throw Invalid("key", "key must be payer, ip, device, card or merchant.");

    private static int Within(int? value, string param, int min, int max) =>
        value is null ? throw Missing(param)
        : value >= min && value <= max ? value.Value
        : throw Invalid(param, string.Create(CultureInfo.InvariantCulture, $"{param} is {min} to {max}."));

    private static double Within(double? value, string param, double min, double max, bool exclusiveMin) =>
        value is null ? throw Missing(param)
        : double.IsFinite(value.Value) && (exclusiveMin ? value > min : value >= min) && value <= max ? value.Value
        : throw Invalid(param, string.Create(CultureInfo.InvariantCulture, $"{param} is above {min} and at most {max}."));

    /// <summary>A field of another kind is refused rather than ignored, so a rule never reads other than it was written.</summary>
    private static void Unexpected(RiskRuleKind kind, RiskRuleDraft draft)
    {
        Only(draft.Key, "key", kind is RiskRuleKind.Velocity or RiskRuleKind.CardTesting, kind);
        Only(draft.Window, "window", kind == RiskRuleKind.Velocity, kind);
        Only(draft.MaxCount, "max_count", kind == RiskRuleKind.Velocity, kind);
        Only(draft.MaxAmount, "max_amount", kind == RiskRuleKind.Velocity, kind);
        Only(draft.Currency, "currency", kind == RiskRuleKind.Velocity, kind);
        Only(draft.MinCount, "min_count", kind == RiskRuleKind.CardTesting, kind);
        Only(draft.MinZ, "min_z", kind == RiskRuleKind.AmountOutlier, kind);
        Only(draft.MaxShare, "max_share", kind == RiskRuleKind.UnusualRegion, kind);
        Only(draft.MinKmh, "min_kmh", kind == RiskRuleKind.ImpossibleTravel, kind);
        Only(draft.MinScore, "min_score", kind == RiskRuleKind.Score, kind);
        Only(draft.Field, "field", kind == RiskRuleKind.List, kind);
        Only(draft.Values, "values", kind == RiskRuleKind.List, kind);
    }

    private static void Only(object? value, string param, bool applies, RiskRuleKind kind)
    {
        if (value is not null && !applies)
        {
            throw Invalid(param, $"{param} does not apply to {RiskRuleNames.Of(kind)} rules.");
        }
    }

    private static InvalidRuleException Missing(string param) => new(new RiskRuleError(param, $"{param} is required."));

    private static InvalidRuleException Invalid(string param, string message) => new(new RiskRuleError(param, message));

    private sealed class InvalidRuleException(RiskRuleError error) : Exception(error.Message)
    {
        public RiskRuleError Error { get; } = error;
    }
}
