using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Risk;

/// <summary>
/// The merchant's balance on the emulator: money captured for a payment under review is shown as held, apart from what
/// is pending settlement, until its release moves it there.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HeldForReviewBalanceTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset PaidAt = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private readonly string merchantId = "mch_" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task AHeldCapture_IsHeldForReviewNotPending_UntilItsReleaseMovesItToPending()
    {
        var ledger = new LedgerStore(azurite.Storage, new SettlementDueIndex(azurite.Storage));
        var held = Allocations(10_000);
        await ledger.PostAsync(Postings.HeldForReview(Capture("pay_held", 10_000, held)), CancellationToken.None);
        await ledger.PostAsync(Capture("pay_plain", 1_000, Allocations(1_000)), CancellationToken.None);

        var before = await BalanceAsync(ledger);

        Assert.Equal([(994L, "cny")], Amounts(before["pending_settlement"]!));
        Assert.Equal([(9_940L, "cny")], Amounts(before["held_for_review"]!));
        Assert.Empty(Amounts(before["in_transit"]!));

        await ledger.PostAsync(Postings.RiskReleased("je_pay_held_risk_release", "pay_held", held, PaidAt.AddHours(1)), CancellationToken.None);
        var after = await BalanceAsync(ledger);

        Assert.Equal([(994L + 9_940L, "cny")], Amounts(after["pending_settlement"]!));
        Assert.Empty(Amounts(after["held_for_review"]!));
    }

    private IReadOnlyList<SplitAllocation> Allocations(long gross) =>
        SplitCalculator.Allocate(new Money(gross, Currency.Parse("CNY")), new FeeSchedule(60, 0), merchantId, null);

    private JournalEntry Capture(string paymentId, long gross, IReadOnlyList<SplitAllocation> allocations) =>
        Postings.PaymentCaptured($"je_{merchantId}_{paymentId}_capture", paymentId, "wechat_pay", new Money(gross, Currency.Parse("CNY")), allocations, PaidAt);

    private static List<(long, string)> Amounts(JsonNode amounts) =>
        [.. amounts.AsArray().Select(a => ((long)a!["amount"]!, (string)a["currency"]!))];

    private async Task<JsonObject> BalanceAsync(LedgerStore ledger)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();
        var key = new ApiKeyEntity { PartitionKey = merchantId, RowKey = "key_balance" };
        new MerchantCaller(new MerchantEntity { Id = merchantId, Name = "Tea House" }, key, new HashSet<string> { "read" }).AttachTo(http);

        await (await new BalanceEndpoint(ledger).GetAsync(http.Request, CancellationToken.None)).ExecuteAsync(http);

        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        return JsonNode.Parse(await new StreamReader(http.Response.Body).ReadToEndAsync())!.AsObject();
    }
}
