using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PayFunctions.Channels;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Security;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Payments;
using PayFunctions.Core.Tests.Secrets;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain;
using PayFunctions.Domain.Risk;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Tests.Screening;

/// <summary>
/// A payer's name on the emulator: screened once where the result comes in and dropped from the event, its hit holding the
/// payment's review (not any receiver's payouts) until the hit is dismissed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PayerScreeningTests(AzuriteFixture azurite) : IDisposable
{
    private const string Iban = "FR1420041010050500013M02606";

    private static readonly SanctionsEntry Listed = new(
        SanctionsListSource.OfacSdn, "900202", null, SanctionedPartyType.Individual, "Ivan Petrovich TESTOV", [new("Iwan TESTOFF", NameQuality.Strong)], ["SDGT"]);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero));
    private readonly List<SanctionsIndex> indexes = [];

    private ScreeningHitStore Hits => new(azurite.Storage);

    [Fact]
    public async Task A_listed_payer_is_recorded_once_however_often_its_result_comes_and_the_event_carries_no_name()
    {
        var (merchantId, paymentId) = NewPayment();
        var hashing = Hashing();
        var payer = new ChannelPayer(Iban, null, "FR", null) { Name = "Iwan Testow" };
        var notification = new ChannelNotification(
            "bank_transfer", "AS-1", "CREDIT", "DE89370400440532013000", "", paymentId, "AS-1", ChannelTradeState.Succeeded, new Money(12_000, Currency.Parse("EUR")), time.GetUtcNow())
        {
            Payer = payer,
        };

        var first = await hashing.EventOfAsync(notification, merchantId, paymentId, CancellationToken.None);
        var again = await hashing.EventOfAsync(notification, merchantId, paymentId, CancellationToken.None);

        Assert.True(first.PayerSanctionsHit);
        Assert.Equal(first, again);
        Assert.Null(first.Payer!.Name);
        Assert.DoesNotContain("Testow", JsonSerializer.Serialize(first), StringComparison.OrdinalIgnoreCase);
        var hit = Assert.Single(await Hits.OpenOnPayerOfAsync(paymentId, CancellationToken.None));
        Assert.Equal((ScreenedPartyTypes.Payer, paymentId, merchantId, "Iwan Testow", "900202"), (hit.PartyType, hit.PartyId, hit.MerchantId, hit.PartyName, hit.EntryId));
        Assert.Single(await HitsOnAsync(paymentId));

        // The platform pays no payer: nobody's payouts are held by it.
        var held = await new PayoutBlocks(Hits, time).CurrentAsync(CancellationToken.None);
        Assert.DoesNotContain(paymentId, held);
        Assert.DoesNotContain(merchantId, held);
    }

    [Fact]
    public async Task A_payer_not_listed_records_nothing()
    {
        var (merchantId, paymentId) = NewPayment();
        var hashing = Hashing();
        var order = new ChannelOrder(paymentId, ChannelTradeState.Succeeded, "AS-2", new Money(12_000, Currency.Parse("EUR")), time.GetUtcNow())
        {
            Payer = new ChannelPayer(Iban, null, "FR", null) { Name = "Marie Dupont" },
        };

        Assert.False((await hashing.EventOfAsync(order, merchantId, paymentId, CancellationToken.None)).PayerSanctionsHit);
        Assert.Empty(await HitsOnAsync(paymentId));
    }

    [Fact]
    public async Task The_review_is_not_released_while_the_payers_hit_is_pending_and_is_once_the_hit_is_dismissed()
    {
        var payment = await ReviewedForPayerHitAsync();
        var hit = Assert.Single(await Screener().ScreenAsync(ScreeningIndex.Build([Listed]), ScreenedParty.Payer(payment.MerchantId, payment.Id, "Iwan Testow"), CancellationToken.None));

        var (status, body) = await ReleaseAsync(payment.Id);
        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Equal("screening_hit_open", (string?)body["code"]);
        Assert.Contains(hit.RowKey, body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(RiskReviews.Pending, (await new RiskReviewStore(azurite.Storage).GetAsync(payment.Id, CancellationToken.None))!.Status);

        Assert.True(await Hits.ReviewAsync(hit, ScreeningHitStatuses.Dismissed, "Born 1991, not the listed person", "operator:op_a", time.GetUtcNow(), CancellationToken.None));
        (status, _) = await ReleaseAsync(payment.Id);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(RiskReviews.Released, (await new RiskReviewStore(azurite.Storage).GetAsync(payment.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_confirmed_payer_hit_keeps_the_money_held()
    {
        var payment = await ReviewedForPayerHitAsync();
        var hit = Assert.Single(await Screener().ScreenAsync(ScreeningIndex.Build([Listed]), ScreenedParty.Payer(payment.MerchantId, payment.Id, "Iwan Testoff"), CancellationToken.None));
        Assert.True(await Hits.ReviewAsync(hit, ScreeningHitStatuses.Confirmed, "Same passport number", "operator:op_a", time.GetUtcNow(), CancellationToken.None));

        Assert.Equal(StatusCodes.Status409Conflict, (await ReleaseAsync(payment.Id)).Status);
        Assert.Equal(RiskReviews.Pending, (await new PaymentStore(azurite.Storage).GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!.RiskReview);
    }

    public void Dispose()
    {
        foreach (var index in indexes)
        {
            index.Dispose();
        }
    }

    private static (string MerchantId, string PaymentId) NewPayment() =>
        ("mch_" + Guid.NewGuid().ToString("N")[..10], "pay_" + Guid.NewGuid().ToString("N")[..24]);

    private ChannelPayerIntake Hashing()
    {
        var secrets = new VersionedSecrets();
        secrets.AddVersion(ApiKeyHasher.PepperSecretName, "1", "pepper");
        return new ChannelPayerIntake(secrets, new FixedListScreener(Screener(), ScreeningIndex.Build([Listed])));
    }

    private SanctionsScreener Screener()
    {
        var options = Options.Create(new ScreeningOptions());
        var index = new SanctionsIndex(new SanctionsLists(azurite.Storage, time), options, time, NullLogger<SanctionsIndex>.Instance);
        indexes.Add(index);
        return new SanctionsScreener(index, Hits, new PayoutBlocks(Hits, time), options, time, NullLogger<SanctionsScreener>.Instance);
    }

    /// <summary>A payment whose result the risk step decided on with the payer's hit: under review, listed for operators.</summary>
    private async Task<PaymentEntity> ReviewedForPayerHitAsync()
    {
        var payment = await TestPayments.SeedAsync(azurite.Storage, time.GetUtcNow(), p =>
        {
            p.Method = "bank_transfer.reference";
            p.Channel = "bank_transfer";
            p.Amount = 12_000;
            p.Currency = "EUR";
            p.Description = "Invoice";
            p.ExpiresAt = p.CreatedAt.AddDays(7);
        });
        var activity = new AssessRiskActivity(
            new PaymentStore(azurite.Storage), new PayerSealing(new SecretEnvelope(VersionedSecrets.WithKeyEncryptionKey())), new AllowAll(time), new RiskReviewStore(azurite.Storage));
        var verdict = await activity.ExecuteAsync(
            new AssessRiskInput(payment.MerchantId, payment.Id, RiskStage.OnResult, null, CanRefuse: false) { PayerSanctionsHit = true }, CancellationToken.None);
        Assert.Equal(RiskOutcome.Review, verdict.Outcome);
        return payment;
    }

    private async Task<(int Status, JsonObject Body)> ReleaseAsync(string paymentId)
    {
        var ledger = new LedgerStore(azurite.Storage, new SettlementDueIndex(azurite.Storage));
        var endpoints = new RiskReviewEndpoints(
            new RiskReviewStore(azurite.Storage),
            new PaymentStore(azurite.Storage),
            new RiskHoldRelease(ledger, time),
            Hits,
            new AuditLog(azurite.Storage, Options.Create(new AuditOptions { Chain = "s" + Guid.NewGuid().ToString("N")[..16] }), time, NullLogger<AuditLog>.Instance),
            time);
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
            Response = { Body = new MemoryStream() },
        };
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("""{"note":"Reviewed the payer"}"""));
        new OperatorCaller("op_a", new HashSet<string> { ApiScopes.OpsRisk }).AttachTo(http);

        await (await endpoints.ReleaseAsync(http.Request, paymentId, new Mock<DurableTaskClient>("test").Object, CancellationToken.None)).ExecuteAsync(http);
        return (http.Response.StatusCode, JsonNode.Parse(((MemoryStream)http.Response.Body).ToArray())!.AsObject());
    }

    private async Task<IReadOnlyList<ScreeningHitEntity>> HitsOnAsync(string paymentId)
    {
        var found = new List<ScreeningHitEntity>();
        await foreach (var row in azurite.Storage.Tables.GetTableClient(TableNames.ScreeningHits).QueryAsync<ScreeningHitEntity>(h => h.PartyId == paymentId))
        {
            found.Add(row);
        }

        return found;
    }

    /// <summary>Rules that find nothing: whatever holds the payment is the payer's hit.</summary>
    private sealed class AllowAll(TimeProvider time) : IRiskAssessor
    {
        public Task<RiskDecision> AssessAsync(RiskFacts facts, RiskStage stage, CancellationToken cancellationToken) =>
            Task.FromResult(new RiskDecision(RiskOutcome.Allow, stage, [], null, time.GetUtcNow()));
    }
}
