using PayFunctions.Domain.Risk;

namespace PayFunctions.RiskModel.History;

/// <summary>
/// Computes each payment's <see cref="RiskHistory"/> exactly, as shared storage keeps it, from a stream of payments in
/// the order they were made: <see cref="Record"/> answers what was seen before the payment and then counts it. Every
/// payment counts, fraud included. The merchant's amounts and regions are over all its earlier payments (a merchant
/// trades in one currency); the payer's last seen place is that of their latest payment whose region was known.
/// </summary>
public sealed class RiskHistoryRecorder
{
    private readonly Dictionary<string, KeyWindows> payers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyWindows> ips = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyWindows> devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyWindows> cards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyWindows> merchants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AmountStats> merchantAmounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MerchantRegions> merchantRegions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LastSeen> payerLastSeen = new(StringComparer.Ordinal);
    private long lastTicks = long.MinValue;

    /// <summary>The history before <paramref name="facts"/>, which is then counted for the payments after it.</summary>
    /// <exception cref="ArgumentException">The payment was made before the previous one recorded.</exception>
    public RiskHistory Record(RiskFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var ticks = facts.At.UtcTicks;
        if (ticks < lastTicks)
        {
            throw new ArgumentException($"Payment {facts.PaymentId} was made before the previous one: record payments in the order they were made.", nameof(facts));
        }

        lastTicks = ticks;
        var regions = merchantRegions.GetValueOrDefault(facts.MerchantId);
        var history = new RiskHistory(
            Observe(payers, facts.PayerId, facts),
            Observe(ips, facts.PayerIp, facts),
            Observe(devices, facts.DeviceId, facts),
            Observe(cards, facts.CardFingerprint, facts),
            Observe(merchants, facts.MerchantId, facts),
            merchantAmounts.GetValueOrDefault(facts.MerchantId, AmountStats.None),
            regions is null ? RegionCounts.None : new RegionCounts(facts.IpRegion is null ? 0 : regions.From(facts.IpRegion), regions.Located),
            facts.PayerId is null ? null : payerLastSeen.GetValueOrDefault(facts.PayerId));

        merchantAmounts[facts.MerchantId] = history.MerchantAmounts.With(facts.Amount.MinorUnits);
        if (facts.IpRegion is not null)
        {
            if (regions is null)
            {
                merchantRegions[facts.MerchantId] = regions = new MerchantRegions();
            }

            regions.Add(facts.IpRegion);
            if (facts.PayerId is not null)
            {
                payerLastSeen[facts.PayerId] = new LastSeen(facts.IpRegion, facts.At);
            }
        }

        return history;
    }

    /// <summary>The key's counts before the payment, after which the payment is added to them; none for a key the payment does not have.</summary>
    private static WindowCounts Observe(Dictionary<string, KeyWindows> keys, string? key, RiskFacts facts)
    {
        if (key is null)
        {
            return WindowCounts.None;
        }

        if (!keys.TryGetValue(key, out var windows))
        {
            keys[key] = windows = new KeyWindows();
        }

        var counts = windows.At(facts.At.UtcTicks, facts.Amount.Currency);
        windows.Add(facts.At.UtcTicks, facts.Amount);
        return counts;
    }

    /// <summary>One merchant's located payments by region.</summary>
    private sealed class MerchantRegions
    {
        private readonly Dictionary<string, long> byRegion = new(StringComparer.Ordinal);

        public long Located { get; private set; }

        public long From(string region) => byRegion.GetValueOrDefault(region);

        public void Add(string region)
        {
            byRegion[region] = From(region) + 1;
            Located++;
        }
    }
}
