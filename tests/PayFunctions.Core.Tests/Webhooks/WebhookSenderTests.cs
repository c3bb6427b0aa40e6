using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Webhooks;

/// <summary>
/// One delivery of a payment's event on the emulator, counted request by request, and the body it sends: frozen by the
/// first attempt, whoever else tries at the same time or later.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookSenderTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset CompletedAt = new(2026, 3, 1, 10, 0, 1, TimeSpan.Zero);

    private readonly string secretsDirectory = Path.Combine(Path.GetTempPath(), "payfunctions-webhooks-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly StorageRequestCounter counter = new();
    private readonly CompletedPayments completed = new();
    private readonly FakeTimeProvider time = new(CompletedAt);
    private readonly Receiver receiver = new();
    private readonly string merchantId = "mch_" + Guid.NewGuid().ToString("N")[..10];
    private LocalDirectorySecretStore secrets = null!;
    private WebhookSender sender = null!;

    public async Task InitializeAsync()
    {
        secrets = new LocalDirectorySecretStore(secretsDirectory);
        await secrets.SetAsync(SecretEnvelope.KeySecretName, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CancellationToken.None);
        await secrets.SetAsync(ApiKeyHasher.PepperSecretName, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CancellationToken.None);
        var merchant = new MerchantEntity { Id = merchantId, Name = "Tea House", WebhookUrl = "https://merchant.test/hooks" };
        await Merchants(azurite.Storage).OnboardAsync(merchant, "key_1", ApiKeyStore.NewSecret(testMode: false), WebhookSigner.NewSecret(), CancellationToken.None);

        var storage = azurite.Counted(counter);
        sender = new WebhookSender(
            storage,
            new PaymentStore(storage),
            completed,
            new RefundStore(storage),
            Merchants(storage),
            receiver,
            new CheckoutLinks(secrets, Options.Create(new ApiOptions { PublicBaseUrl = new Uri("http://127.0.0.1/") })),
            time);
    }

    [Fact]
    public async Task ANewEventOfAPaymentCompletedHere_CostsItsInsertAndItsDeliveryRecord_AndTheMerchantIsReadOncePerKeptTime()
    {
        foreach (var expected in new[] { 3, 2 })
        {
            var before = TableRequests.Of(counter);
            var payment = await CompletedHereAsync();

            await DeliverAsync(payment);

            var spent = TableRequests.Since(counter, before);
            Assert.Equal(1, spent["webhookevents insert"]);
            Assert.Equal(1, spent["webhookevents replace"]);
            Assert.Equal(expected, spent.Values.Sum());
        }

        time.Advance(MerchantStore.KeptFor);
        var afterKept = TableRequests.Of(counter);
        await DeliverAsync(await CompletedHereAsync());

        Assert.Equal(1, TableRequests.Since(counter, afterKept)["merchants point_read"]);
        Assert.Equal(3, receiver.Bodies.Count);
    }

    [Fact]
    public async Task ANewEventOfAPaymentCompletedElsewhere_ReadsThePaymentOnce()
    {
        var payment = await SeedAsync("Coffee");

        await DeliverAsync(payment);

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["merchants point_read"] = 1,
                ["payments point_read"] = 1,
                ["webhookevents insert"] = 1,
                ["webhookevents replace"] = 1,
            },
            TableRequests.Of(counter));
        Assert.Contains("\"Coffee\"", Assert.Single(receiver.Bodies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentAttempts_SendTheOneBodyTheFirstFroze()
    {
        // One attempt has the row as its completion wrote it, the others read a row changed since: only one body may go out.
        var payment = await SeedAsync("As completed");
        completed.Keep(payment);
        await new PaymentStore(azurite.Storage).UpdateAsync(payment.MerchantId, payment.Id, p =>
        {
            p.Description = "Changed since";
            return true;
        }, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => DeliverAsync(payment))));

        var sent = Assert.Single(receiver.Bodies.Distinct());
        Assert.Equal(sent, (await StoredEventAsync(payment)).Body);
    }

    [Fact]
    public async Task ARetry_SendsTheBodyTheFirstAttemptFroze_AndRecordsEveryAttempt()
    {
        var payment = await SeedAsync("As completed");
        receiver.Status = HttpStatusCode.ServiceUnavailable;
        await Assert.ThrowsAsync<HttpRequestException>(() => DeliverAsync(payment));
        await new PaymentStore(azurite.Storage).UpdateAsync(payment.MerchantId, payment.Id, p =>
        {
            p.Description = "Changed since";
            return true;
        }, CancellationToken.None);

        receiver.Status = HttpStatusCode.OK;
        await DeliverAsync(payment);

        Assert.Single(receiver.Bodies.Distinct());
        Assert.Equal(2, receiver.Bodies.Count);
        var stored = await StoredEventAsync(payment);
        Assert.Equal((2, 200), (stored.Attempts, stored.LastStatus));
        Assert.NotNull(stored.DeliveredAt);

        // Delivered: a later run of the activity sends nothing.
        await DeliverAsync(payment);
        Assert.Equal(2, receiver.Bodies.Count);
    }

    [Fact]
    public async Task AReviewOpened_IsSentOnceWhateverTriesIt_NamingThePaymentAndTheRulesThatSentItToReview()
    {
        var payment = await ReviewedAsync();

        // The opening's own delivery and the payment's end may both try it: one event, one body, and none once delivered.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => DeliverReviewAsync(payment, ReviewEvents.Opened))));
        var sent = receiver.Bodies.Count;
        await DeliverReviewAsync(payment, ReviewEvents.Opened);

        Assert.Equal(sent, receiver.Bodies.Count);
        var body = JsonNode.Parse(Assert.Single(receiver.Bodies.Distinct()))!;
        Assert.Equal((ReviewEvents.EventId(payment.Id, ReviewEvents.Opened), "review.opened"), ((string?)body["id"], (string?)body["type"]));
        var review = body["data"]!["object"]!;
        Assert.Equal(("review", payment.Id, true, 10_000L, "cny"), ((string?)review["object"], (string?)review["payment"], (bool)review["open"]!, (long)review["amount"]!, (string?)review["currency"]));
        var rule = Assert.Single(review["rules"]!.AsArray())!;
        Assert.Equal(("rule_watched", "review"), ((string?)rule["id"], (string?)rule["action"]));
        Assert.Null(review["closed_reason"]);
    }

    [Fact]
    public async Task AReviewClosed_WaitsForThePaymentRowToSayHow_ThenSaysVoidedAndWhy_Once()
    {
        var payment = await ReviewedAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => DeliverReviewAsync(payment, ReviewEvents.Closed));
        Assert.Empty(receiver.Bodies);

        await new PaymentStore(azurite.Storage).UpdateAsync(payment.MerchantId, payment.Id, p =>
        {
            p.Status = nameof(PaymentStatus.Expired);
            p.FailureCode = "payment_expired";
            p.RiskReview = RiskReviews.Voided;
            return true;
        }, CancellationToken.None);
        await DeliverReviewAsync(payment, ReviewEvents.Closed);
        await DeliverReviewAsync(payment, ReviewEvents.Closed);

        var review = JsonNode.Parse(Assert.Single(receiver.Bodies))!["data"]!["object"]!;
        Assert.Equal((false, "voided", "payment_expired"), ((bool)review["open"]!, (string?)review["closed_reason"], (string?)review["void_reason"]));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(secretsDirectory, recursive: true);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        counter.Dispose();
        receiver.Dispose();
    }

    private MerchantStore Merchants(StorageClients storage) =>
        new(storage, new ApiKeyStore(storage, secrets, new SecretEnvelope(secrets), time), new SecretEnvelope(secrets), time);

    private Task DeliverAsync(PaymentEntity payment) =>
        sender.DeliverAsync(payment.MerchantId, payment.Id, PaymentEvents.Succeeded, PaymentEvents.EventId(payment.Id, PaymentEvents.Succeeded), CancellationToken.None);

    private async Task<WebhookEventEntity> StoredEventAsync(PaymentEntity payment) =>
        (await azurite.Storage.Tables.GetTableClient(TableNames.WebhookEvents)
            .GetEntityAsync<WebhookEventEntity>(payment.MerchantId, PaymentEvents.EventId(payment.Id, PaymentEvents.Succeeded))).Value;

    private Task DeliverReviewAsync(PaymentEntity payment, string eventType) =>
        sender.DeliverAsync(payment.MerchantId, payment.Id, eventType, ReviewEvents.EventId(payment.Id, eventType), CancellationToken.None);

    /// <summary>A payment waiting for its payer that a merchant's list rule sent to review before the channel.</summary>
    private async Task<PaymentEntity> ReviewedAsync()
    {
        var payment = await SeedAsync("Coffee");
        return await new PaymentStore(azurite.Storage).UpdateAsync(payment, p =>
        {
            p.Status = nameof(PaymentStatus.RequiresAction);
            p.PaidAt = null;
            p.CompletedAt = null;
            p.RiskReview = RiskReviews.Pending;
            p.RiskJson = RiskBody.Serialize(
            [
                new RiskDecisionBody(
                    "before_channel", "review", 0.12, [new RiskRuleBody("rule_watched", "review", "Payer …0042 is on the list \"Payers we look at first\".")], [], CompletedAt.AddMinutes(-1)),
            ]);
            return true;
        }, CancellationToken.None);
    }

    /// <summary>A payment whose completion ran in this process: the row it wrote is kept for its webhook.</summary>
    private async Task<PaymentEntity> CompletedHereAsync()
    {
        var payment = await SeedAsync("Coffee");
        completed.Keep(payment);
        return payment;
    }

    private async Task<PaymentEntity> SeedAsync(string description)
    {
        var payment = new PaymentEntity
        {
            PartitionKey = merchantId,
            RowKey = "pay_" + Guid.NewGuid().ToString("N")[..24],
            MerchantOrderId = Guid.NewGuid().ToString("N"),
            Method = "wechat_pay.native",
            Channel = "wechat_pay",
            ChannelAccount = "main",
            Amount = 10_000,
            Currency = "CNY",
            Description = description,
            Status = nameof(PaymentStatus.Succeeded),
            CreatedAt = CompletedAt.AddMinutes(-1),
            ExpiresAt = CompletedAt.AddMinutes(29),
            PlacedAtChannel = true,
            PaidAt = CompletedAt,
            CompletedAt = CompletedAt,
        };
        var store = new PaymentStore(azurite.Storage);
        Assert.IsType<PaymentInsert.Inserted>(await store.CreateAsync(payment, CancellationToken.None));
        return (await store.GetAsync(merchantId, payment.Id, CancellationToken.None))!;
    }

    /// <summary>The merchant's endpoint: keeps every body it is sent and answers <see cref="Status"/>.</summary>
    private sealed class Receiver : HttpMessageHandler, IHttpClientFactory
    {
        public ConcurrentQueue<string> Bodies { get; } = new();

        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Enqueue(await request.Content!.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(Status);
        }
    }
}
