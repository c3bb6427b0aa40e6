using Azure.Data.Tables;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Secrets;
using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Tests.Risk;

/// <summary>Payments, a pepper and a scorer for the risk tests; each test takes merchants, payers and addresses of its own.</summary>
internal static class TestRisk
{
    public static readonly DateTimeOffset At = new(2026, 11, 30, 2, 15, 30, TimeSpan.Zero);

    public static VersionedSecrets Pepper(string value = "risk-test-pepper")
    {
        var vault = new VersionedSecrets();
        vault.AddVersion(ApiKeyHasher.PepperSecretName, "v1", value);
        return vault;
    }

    public static RiskWindowStore WindowStore(StorageClients clients, string pepper = "risk-test-pepper") => new(clients, Pepper(pepper));

    /// <summary>The rows of the windows table that <paramref name="filter"/> selects.</summary>
    public static async Task<List<TableEntity>> RowsAsync(StorageClients clients, string? filter)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in clients.Tables.GetTableClient(TableNames.RiskWindows).QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static string NewMerchant() => "mch_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A random documentation-range address, so tests sharing the emulator never share an IP's windows.</summary>
    public static string NewIp() => $"198.51.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}";

    public static string NewPaymentId() => "pay_" + Guid.NewGuid().ToString("N")[..24];

    public static RiskFacts Facts(
        string merchant,
        DateTimeOffset? at = null,
        long amount = 10_000,
        string? payer = null,
        string? ip = null,
        string? device = null,
        string? card = null,
        string? region = null,
        string? paymentId = null,
        string currency = "CNY") =>
        new(merchant, paymentId ?? NewPaymentId(), new Money(amount, Currency.Parse(currency)), "wechat_pay.native", at ?? At, payer, ip, device, card, null, region);

    /// <summary>Reads and records one payment, as the assessor does.</summary>
    public static async Task<RiskHistory> CountAsync(this RiskWindowStore store, RiskFacts facts)
    {
        var read = await store.ReadAsync(facts, CancellationToken.None);
        await store.RecordAsync(read, CancellationToken.None);
        return read.History;
    }

    public static async Task<RiskHistory> HistoryAsync(this RiskWindowStore store, RiskFacts facts) =>
        (await store.ReadAsync(facts, CancellationToken.None)).History;
}

/// <summary>A scorer that reads one feature: the share of small payments from the IP, so tests can steer it.</summary>
internal sealed class TestScorer(double value) : IRiskScorer
{
    public RiskScore Score(RiskFeatures features) => new(value, [new RiskFactor("ip_small_10m", features.IpSmall10m / 10)]);
}
