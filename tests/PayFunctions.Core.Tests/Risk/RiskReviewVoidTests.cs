using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PayFunctions.Core.Aml;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Reports;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Security;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Tests.Payments;
using PayFunctions.Core.Tests.Reconciliation;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Core.Webhooks;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Risk;

/// <summary>
/// A review whose payment ends without money is voided, on the emulator: the payment's end closes it with its reason and
/// takes it out of the pending queue, a release after that is refused, and a release and the end in either order never
/// post money that was not taken.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RiskReviewVoidTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private readonly Mock<DurableTaskClient> durable = new("test");

    [Fact]
    public async Task APaymentUnderReviewThatExpires_VoidsItsReview_WithTheReason_AndLeavesThePendingQueue()
    {
        var payment = await SeedAsync();

        Assert.True(await Completion().ExecuteAsync(Ended(payment, PaymentStatus.Expired, "payment_expired"), CancellationToken.None));

        Assert.Equal(RiskReviews.Voided, (await Payments.GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!.RiskReview);
        var review = (await Reviews.GetAsync(payment.Id, CancellationToken.None))!;
        Assert.Equal((RiskReviews.Voided, "payment_expired", At.AddMinutes(30)), (review.Status, review.VoidReason, review.VoidedAt));
        Assert.DoesNotContain(await ListedAsync(RiskReviews.Pending), r => r.PaymentId == payment.Id);
        Assert.Contains(await ListedAsync(RiskReviews.Voided), r => r.PaymentId == payment.Id);
        Assert.Empty(await Ledger.ReadAccountAsync(LedgerAccounts.RiskHold(payment.MerchantId), CancellationToken.None));
    }

    [Fact]
    public async Task ACompletionRunAgain_FindsTheReviewVoided_AndWritesNothingMore()
    {
        var payment = await SeedAsync();
        var input = Ended(payment, PaymentStatus.Closed, null);
        await Completion().ExecuteAsync(input, CancellationToken.None);
        var first = (await Reviews.GetAsync(payment.Id, CancellationToken.None))!;

        Assert.True(await Completion().ExecuteAsync(input, CancellationToken.None));

        var again = (await Reviews.GetAsync(payment.Id, CancellationToken.None))!;
        Assert.Equal((first.ETag, "payment_closed"), (again.ETag, again.VoidReason));
    }

    [Fact]
    public async Task AReleaseAfterThePaymentEnded_IsRefusedAsVoided_AndPostsNothing()
    {
        var payment = await SeedAsync();
        await Completion().ExecuteAsync(Ended(payment, PaymentStatus.Failed, "payment_blocked"), CancellationToken.None);

        var (status, problem) = await ReleaseAsync(payment.Id);

        Assert.Equal((StatusCodes.Status409Conflict, "review_voided"), (status, (string?)problem["code"]));
        Assert.Contains("payment_blocked", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Null(await Ledger.ReadEntryAsync(RiskHoldRelease.EntryId(payment.Id), CancellationToken.None));
        Assert.Equal(RiskReviews.Voided, (await Reviews.GetAsync(payment.Id, CancellationToken.None))!.Status);
        Assert.DoesNotContain(durable.Invocations, i => i.Method.Name == nameof(DurableTaskClient.ScheduleNewOrchestrationInstanceAsync));
    }

    [Fact]
    public async Task AReleaseThatFindsThePaymentEnded_ButItsReviewStillPending_VoidsItThere()
    {
        // The end wrote its status and died before it voided the review (or the payment ended before reviews were
        // voided): the queue still says pending, the row says the payment took nothing.
        var payment = await SeedAsync();
        await Payments.UpdateAsync(payment.MerchantId, payment.Id, p =>
        {
            p.Status = nameof(PaymentStatus.Failed);
            p.FailureCode = "payment_failed";
            p.CompletedAt = At.AddMinutes(2);
            return true;
        }, CancellationToken.None);

        var (status, problem) = await ReleaseAsync(payment.Id);

        Assert.Equal((StatusCodes.Status409Conflict, "review_voided"), (status, (string?)problem["code"]));
        Assert.Equal(RiskReviews.Voided, (await Payments.GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!.RiskReview);
        var review = (await Reviews.GetAsync(payment.Id, CancellationToken.None))!;
        Assert.Equal((RiskReviews.Voided, "payment_failed", At.AddMinutes(2)), (review.Status, review.VoidReason, review.VoidedAt));
        Assert.Null(await Ledger.ReadEntryAsync(RiskHoldRelease.EntryId(payment.Id), CancellationToken.None));
    }

    [Fact]
    public async Task AReleaseBeforeThePaymentFails_StandsReleased_AndNeitherPostsMoneyThatWasNeverTaken()
    {
        var payment = await SeedAsync();

        var (status, released) = await ReleaseAsync(payment.Id);
        Assert.True(await Completion().ExecuteAsync(Ended(payment, PaymentStatus.Failed, "payment_failed"), CancellationToken.None));

        Assert.Equal((StatusCodes.Status200OK, RiskReviews.Released), (status, (string?)released["status"]));
        var stored = (await Payments.GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!;
        Assert.Equal((nameof(PaymentStatus.Failed), RiskReviews.Released, false), (stored.Status, stored.RiskReview, stored.RiskHeld));
        Assert.Equal(RiskReviews.Released, (await Reviews.GetAsync(payment.Id, CancellationToken.None))!.Status);
        Assert.Null(await Ledger.ReadEntryAsync(RiskHoldRelease.EntryId(payment.Id), CancellationToken.None));
        Assert.Null(await Ledger.ReadEntryAsync(CompletePaymentActivity.CaptureEntryId(payment.Id), CancellationToken.None));
        var eventId = ReviewEvents.EventId(payment.Id, ReviewEvents.Closed);
        durable.Verify(
            d => d.ScheduleNewOrchestrationInstanceAsync(
                nameof(WebhookOrchestrator),
                It.Is<WebhookInput>(w => w == new WebhookInput(payment.MerchantId, payment.Id, ReviewEvents.Closed, eventId)),
                It.Is<StartOrchestrationOptions>(o => o.InstanceId == eventId),
                It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task AReleaseWhoseCloseAnotherReleaseStartedMeanwhile_StillAnswersReleased()
    {
        var payment = await SeedAsync();
        var eventId = ReviewEvents.EventId(payment.Id, ReviewEvents.Closed);
        durable.SetupSequence(d => d.GetInstanceAsync(eventId, It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null)
            .ReturnsAsync(new OrchestrationMetadata(nameof(WebhookOrchestrator), eventId));
        durable.Setup(d => d.ScheduleNewOrchestrationInstanceAsync(nameof(WebhookOrchestrator), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("An orchestration with this instance id already exists."));

        var (status, released) = await ReleaseAsync(payment.Id);

        Assert.Equal((StatusCodes.Status200OK, RiskReviews.Released), (status, (string?)released["status"]));
    }

    [Fact]
    public async Task AReleaseWhoseCloseCannotStart_FailsRatherThanLoseTheEvent()
    {
        var payment = await SeedAsync();
        durable.Setup(d => d.ScheduleNewOrchestrationInstanceAsync(nameof(WebhookOrchestrator), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("The task hub is not reachable."));

        await Assert.ThrowsAsync<InvalidOperationException>(() => ReleaseAsync(payment.Id));
        Assert.Equal(RiskReviews.Pending, (await Reviews.GetAsync(payment.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AReleaseRacingThePaymentsEnd_EndsEitherReleasedOrVoided_InBothStores_AndPostsNothing()
    {
        for (var round = 0; round < 4; round++)
        {
            var payment = await SeedAsync();

            var release = ReleaseAsync(payment.Id);
            var end = Completion().ExecuteAsync(Ended(payment, PaymentStatus.Expired, "payment_expired"), CancellationToken.None);
            await Task.WhenAll(release, end);

            var stored = (await Payments.GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!;
            var review = (await Reviews.GetAsync(payment.Id, CancellationToken.None))!;
            Assert.Contains(stored.RiskReview, new[] { RiskReviews.Released, RiskReviews.Voided });
            Assert.Equal(stored.RiskReview, review.Status);
            Assert.Equal(stored.RiskReview == RiskReviews.Released ? StatusCodes.Status200OK : StatusCodes.Status409Conflict, (await release).Status);
            Assert.Null(await Ledger.ReadEntryAsync(RiskHoldRelease.EntryId(payment.Id), CancellationToken.None));
            Assert.Empty(await Ledger.ReadAccountAsync(LedgerAccounts.Payable(payment.MerchantId), CancellationToken.None));
        }
    }

    private PaymentStore Payments => new(azurite.Storage);

    private RiskReviewStore Reviews => new(azurite.Storage);

    private LedgerStore Ledger => new(azurite.Storage, new SettlementDueIndex(azurite.Storage));

    private async Task<IReadOnlyList<RiskReviewEntity>> ListedAsync(string status) =>
        (await Reviews.ListAsync(status, 1000, null, CancellationToken.None)).Page;

    private CompletePaymentActivity Completion()
    {
        var storage = azurite.Storage;
        return new CompletePaymentActivity(
            Payments, Ledger, new PaymentProgress(), new CompletedPayments(),
            new PaymentReports(new ReportStore(storage), Options.Create(new ReportOptions())), ReconciliationIndexTests.Index(storage), new AmlIndex(storage, Options.Create(new AmlOptions())),
            new RiskHoldRelease(Ledger, TimeProvider.System), Reviews);
    }

    private static CompletePaymentInput Ended(PaymentEntity payment, PaymentStatus status, string? failureCode) =>
        new(payment.MerchantId, payment.Id, status, null, null, failureCode, failureCode is null ? null : "It ended.", At.AddMinutes(30));

    private async Task<(int Status, JsonObject Body)> ReleaseAsync(string paymentId)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("""{"note":"Known customer."}"""));
        http.Response.Body = new MemoryStream();
        http.RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider();
        new OperatorCaller("op_test", new HashSet<string> { "ops:risk" }).AttachTo(http);
        var audit = new AuditLog(azurite.Storage, Options.Create(new AuditOptions { Chain = "r" + Guid.NewGuid().ToString("N")[..16] }), TimeProvider.System, NullLogger<AuditLog>.Instance);
        var endpoints = new RiskReviewEndpoints(Reviews, Payments, new RiskHoldRelease(Ledger, TimeProvider.System), new ScreeningHitStore(azurite.Storage), audit, TimeProvider.System);

        await (await endpoints.ReleaseAsync(http.Request, paymentId, durable.Object, CancellationToken.None)).ExecuteAsync(http);

        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, JsonNode.Parse(await new StreamReader(http.Response.Body).ReadToEndAsync())!.AsObject());
    }

    /// <summary>A payment waiting for its payer, sent to review before the channel and listed for operators.</summary>
    private async Task<PaymentEntity> SeedAsync()
    {
        var payment = await TestPayments.SeedAsync(azurite.Storage, At, p =>
        {
            p.PlacedAtChannel = true;
            p.FeeBasisPoints = 60;
            p.RiskReview = RiskReviews.Pending;
        });
        await Reviews.OpenAsync(payment, At, CancellationToken.None);
        return payment;
    }
}
