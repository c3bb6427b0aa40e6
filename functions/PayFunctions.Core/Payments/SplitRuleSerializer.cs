using System.Text.Json;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>How split rules and allocations are kept on the payment row.</summary>
public static class SplitRuleSerializer
{
    public static string? Serialize(SplitRule? rule) =>
        rule is null ? null : JsonSerializer.Serialize(rule.Recipients.Select(r => new StoredRecipient(r.AccountId, r.BasisPoints, r.FixedMinorUnits)));

    public static SplitRule? Deserialize(string? json) =>
        json is null ? null : new SplitRule([.. (JsonSerializer.Deserialize<StoredRecipient[]>(json) ?? []).Select(r => new SplitRecipient(r.Account, r.BasisPoints, r.Fixed))]);

    public static string SerializeAllocations(IEnumerable<SplitAllocation> allocations) =>
        JsonSerializer.Serialize(allocations.Select(a => new StoredAllocation(a.AccountId, a.Role, a.Amount.MinorUnits)));

    public static IReadOnlyList<StoredAllocation> DeserializeAllocations(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<StoredAllocation[]>(json) ?? [];

    public sealed record StoredAllocation(string Account, SplitRole Role, long Amount);

    private sealed record StoredRecipient(string Account, int? BasisPoints, long? Fixed);
}
