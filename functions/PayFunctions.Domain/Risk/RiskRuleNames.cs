using System.Collections.Frozen;

namespace PayFunctions.Domain.Risk;

/// <summary>The names rules are written with, and the way back from a rule to the draft that makes it.</summary>
public static class RiskRuleNames
{
    /// <summary>The kinds by name.</summary>
    public static readonly FrozenDictionary<string, RiskRuleKind> Kinds = new Dictionary<string, RiskRuleKind>(StringComparer.Ordinal)
    {
        ["velocity"] = RiskRuleKind.Velocity,
        ["card_testing"] = RiskRuleKind.CardTesting,
        ["amount_outlier"] = RiskRuleKind.AmountOutlier,
        ["unusual_region"] = RiskRuleKind.UnusualRegion,
        ["ip_country_mismatch"] = RiskRuleKind.IpCountryMismatch,
        ["impossible_travel"] = RiskRuleKind.ImpossibleTravel,
        ["list"] = RiskRuleKind.List,
        ["score"] = RiskRuleKind.Score,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The actions by name.</summary>
    public static readonly FrozenDictionary<string, RiskOutcome> Actions = new Dictionary<string, RiskOutcome>(StringComparer.Ordinal)
    {
        ["allow"] = RiskOutcome.Allow,
        ["review"] = RiskOutcome.Review,
        ["block"] = RiskOutcome.Block,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The stages by name.</summary>
    public static readonly FrozenDictionary<string, RiskStages> Stages = new Dictionary<string, RiskStages>(StringComparer.Ordinal)
    {
        ["before_channel"] = RiskStages.BeforeChannel,
        ["on_result"] = RiskStages.OnResult,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The keys by name.</summary>
    public static readonly FrozenDictionary<string, RiskKey> Keys = new Dictionary<string, RiskKey>(StringComparer.Ordinal)
    {
        ["payer"] = RiskKey.Payer,
        ["ip"] = RiskKey.Ip,
        ["device"] = RiskKey.Device,
        ["card"] = RiskKey.Card,
        ["merchant"] = RiskKey.Merchant,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The windows by name.</summary>
    public static readonly FrozenDictionary<string, RiskWindow> Windows = new Dictionary<string, RiskWindow>(StringComparer.Ordinal)
    {
        ["1m"] = RiskWindow.OneMinute,
        ["10m"] = RiskWindow.TenMinutes,
        ["1h"] = RiskWindow.OneHour,
        ["24h"] = RiskWindow.OneDay,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The list fields by name.</summary>
    public static readonly FrozenDictionary<string, RiskListField> Fields = new Dictionary<string, RiskListField>(StringComparer.Ordinal)
    {
        ["payer_id"] = RiskListField.PayerId,
        ["ip"] = RiskListField.Ip,
        ["device_id"] = RiskListField.DeviceId,
        ["card_fingerprint"] = RiskListField.CardFingerprint,
        ["payer_country"] = RiskListField.PayerCountry,
        ["ip_region"] = RiskListField.IpRegion,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The name it is written with.</summary>
    public static string Of(RiskRuleKind kind) => NameOf(Kinds, kind);

    /// <summary>The name it is written with.</summary>
    public static string Of(RiskOutcome action) => NameOf(Actions, action);

    /// <summary>The name it is written with.</summary>
    public static string Of(RiskKey key) => NameOf(Keys, key);

    /// <summary>The name it is written with.</summary>
    public static string Of(RiskWindow window) => NameOf(Windows, window);

    /// <summary>The name it is written with.</summary>
    public static string Of(RiskListField field) => NameOf(Fields, field);

    /// <summary>The draft <see cref="RiskRuleValidator"/> turns back into <paramref name="rule"/>, with every default written out.</summary>
    public static RiskRuleDraft DraftOf(RiskRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var stages = Stages.Where(s => (rule.Stages & s.Value) != 0).Select(s => (string?)s.Key).Order(StringComparer.Ordinal).ToList();
        var draft = new RiskRuleDraft(Of(rule.Kind), Of(rule.Action), stages, rule.Description);
        return rule.Kind switch
        {
            RiskRuleKind.Velocity => draft with
            {
                Key = Of(rule.Key), Window = Of(rule.Window), MaxCount = rule.MaxCount, MaxAmount = rule.MaxAmount, Currency = rule.Currency?.Code,
            },
            RiskRuleKind.CardTesting => draft with { Key = Of(rule.Key), MinCount = rule.MinCount },
            RiskRuleKind.AmountOutlier => draft with { MinZ = rule.Threshold },
            RiskRuleKind.UnusualRegion => draft with { MaxShare = rule.Threshold },
            RiskRuleKind.ImpossibleTravel => draft with { MinKmh = rule.Threshold },
            RiskRuleKind.Score => draft with { MinScore = rule.Threshold },
            RiskRuleKind.List => draft with { Field = Of(rule.Field), Values = [.. rule.Values!.Order(StringComparer.Ordinal)] },
            _ => draft,
        };
    }

    private static string NameOf<T>(FrozenDictionary<string, T> names, T value)
        where T : struct, Enum =>
        names.First(n => EqualityComparer<T>.Default.Equals(n.Value, value)).Key;
}
