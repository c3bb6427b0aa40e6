using PayFunctions.Domain.Risk;

namespace PayFunctions.RiskModel.History;

/// <summary>
/// Computes each payment's <see cref="RiskHistory"/> exactly, as shared storage keeps it, from a stream of payments in
/// the order they were made: <see cref="Record"/> answers what was seen before the payment and then counts it. Every
/// payment counts, fraud included. Keys are scoped as the platform scopes them (<c>RiskWindowKeys</c>): what the
/// merchant supplies (payer id, IP address, device id) per merchant, so a payer or address paying at two merchants
/// has a window at each; the card fingerprint, which a channel reports, across merchants (a stream is in one mode).
/// The merchant's amounts and regions are over all its earlier payments (a merchant trades in one currency); the
/// payer's last seen place, kept with the payer's window, is that of their latest payment at the merchant whose region
/// was known.
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
        var payer = AtMerchant(facts, facts.PayerId);
        var history = new RiskHistory(
            Observe(payers, payer, facts),
            Observe(ips, AtMerchant(facts, facts.PayerIp), facts),
            Observe(devices, AtMerchant(facts, facts.DeviceId), facts),
            Observe(cards, facts.CardFingerprint, facts),
            Observe(merchants, facts.MerchantId, facts),
            merchantAmounts.GetValueOrDefault(facts.MerchantId, AmountStats.None),
            regions is null ? RegionCounts.None : new RegionCounts(facts.IpRegion is null ? 0 : regions.From(facts.IpRegion), regions.Located),
            payer is null ? null : payerLastSeen.GetValueOrDefault(payer));

        merchantAmounts[facts.MerchantId] = history.MerchantAmounts.With(facts.Amount.MinorUnits);
        if (facts.IpRegion is not null)
        {
            if (regions is null)
            {
                merchantRegions[facts.MerchantId] = regions = new MerchantRegions();
            }

            regions.Add(facts.IpRegion);
            if (payer is not null)
            {
                payerLastSeen[payer] = new LastSeen(facts.IpRegion, facts.At);
            }
        }

        return history;
    }

    /// <summary>A merchant-supplied <paramref name="value"/> as the key of its window at the payment's merchant: a merchant id holds no line break, so no two pairs make one key.</summary>
    private static string? AtMerchant(RiskFacts facts, string? value) => value is null ? null : facts.MerchantId + "\n" + value;

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
