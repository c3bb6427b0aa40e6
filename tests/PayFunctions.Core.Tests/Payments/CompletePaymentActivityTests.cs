using Microsoft.Extensions.Options;
using PayFunctions.Core.Aml;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Reports;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Tests.Reconciliation;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Payments;

/// <summary>
/// The completion of a paid payment on the emulator, counted request by request: a later change that adds a request
/// to every completed payment fails here, and so does one that writes anything twice when the activity runs again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CompletePaymentActivityTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly DateTimeOffset PaidAt = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly StorageRequestCounter counter = new();
    private readonly CompletedPayments completed = new();

    [Fact]
    public async Task CompletingAPaidPayment_ReadsItOnce_WritesItOnce_AndKeepsTheWrittenRowForItsWebhook()
    {
        var payment = await SeedAsync();

        Assert.True(await Activity().ExecuteAsync(Succeeded(payment), CancellationToken.None));

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["payments point_read"] = 1,
                ["payments replace"] = 1,
                ["ledger insert"] = 1,
                // the channel's clearing account, the merchant's payable and the platform's fee: one partition each
                ["ledgeraccounts replace"] = 3,
                // both payables are marked due for settlement
                ["settlementdue replace"] = 2,
                // the merchant's report counters and the platform's: one read and one transaction each
                ["reports query"] = 2,
                [" batch"] = 2,
                // the payment's row in its channel account's reconciliation index
                ["reconciliationindex replace"] = 1,
                // the payment's row in the day's anti-money-laundering index
                ["amlindex replace"] = 1,
            },
            TableRequests.Of(counter));
        var stored = (await new PaymentStore(azurite.Storage).GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!;
        Assert.Equal(nameof(PaymentStatus.Succeeded), stored.Status);
        Assert.NotNull(stored.AllocationsJson);
        var kept = completed.Take(payment.MerchantId, payment.Id, PaymentEvents.Succeeded);
        Assert.NotNull(kept);
        Assert.Equal(stored.ETag, kept.ETag);
        Assert.Equal(stored.AllocationsJson, kept.AllocationsJson);
    }

    [Fact]
    public async Task CompletingAgain_ReplacesNothing_AndPostsTheCaptureOnce()
    {
        var payment = await SeedAsync();
        await Activity().ExecuteAsync(Succeeded(payment), CancellationToken.None);
        var first = TableRequests.Of(counter);

        Assert.True(await Activity().ExecuteAsync(Succeeded(payment), CancellationToken.None));

        var again = TableRequests.Since(counter, first);
        Assert.Equal(1, again["payments point_read"]);
        Assert.False(again.ContainsKey("payments replace"));
        // the refused insert, then the stored entry read to rewrite its projection
        Assert.Equal(1, again["ledger insert"]);
        Assert.Equal(1, again["ledger point_read"]);
        // the report's markers are found, so nothing is counted again
        Assert.Equal(2, again["reports query"]);
        Assert.False(again.ContainsKey(" batch"));
        // the index rows are upserts of the same facts
        Assert.Equal(1, again["amlindex replace"]);
        var merchant = LedgerAccounts.Payable(payment.MerchantId);
        Assert.Single(await new LedgerStore(azurite.Storage, new SettlementDueIndex(azurite.Storage)).ReadAccountAsync(merchant, CancellationToken.None));
    }

    [Fact]
    public async Task AnUpdateFromARowChangedMeanwhile_ReadsItAgain_AndLosesNeitherChange()
    {
        var payment = await SeedAsync();
        var store = new PaymentStore(azurite.Counted(counter));
        var read = (await store.GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!;
        await new PaymentStore(azurite.Storage).UpdateAsync(payment.MerchantId, payment.Id, p =>
        {
            p.MetadataJson = """{"note":"elsewhere"}""";
            return true;
        }, CancellationToken.None);
        var decidedOn = new List<string?>();

        var written = await store.UpdateAsync(read, p =>
        {
            decidedOn.Add(p.MetadataJson);
            p.ChannelTradeNo = "4200001";
            return true;
        }, CancellationToken.None);

        Assert.Equal([null, """{"note":"elsewhere"}"""], decidedOn);
        var stored = (await store.GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!;
        Assert.Equal(("4200001", """{"note":"elsewhere"}"""), (stored.ChannelTradeNo, stored.MetadataJson));
        Assert.Equal(stored.ETag, written.ETag);
        Assert.Equal(new Dictionary<string, long> { ["payments point_read"] = 3, ["payments replace"] = 2 }, TableRequests.Of(counter));
    }

    [Fact]
    public async Task APaymentUnderReview_IsCapturedIntoRiskHold_AndNothingOfItIsDueForSettlement()
    {
        var payment = await SeedAsync(RiskReviews.Pending);

        Assert.True(await Activity().ExecuteAsync(Succeeded(payment), CancellationToken.None));

        var ledger = new LedgerStore(azurite.Storage, new SettlementDueIndex(azurite.Storage));
        var capture = (await ledger.ReadEntryAsync(CompletePaymentActivity.CaptureEntryId(payment.Id), CancellationToken.None))!;
        Assert.True(Postings.IsHeldForReview(capture));
        Assert.DoesNotContain(capture.Lines, l => LedgerAccounts.TryParsePayable(l.Account, out _));
        Assert.Equal(9_940, Balance(await ledger.ReadAccountAsync(LedgerAccounts.RiskHold(payment.MerchantId), CancellationToken.None)));
        Assert.Empty(await ledger.ReadAccountAsync(LedgerAccounts.Payable(payment.MerchantId), CancellationToken.None));
        Assert.DoesNotContain("settlementdue replace", TableRequests.Of(counter).Keys);
        Assert.True((await new PaymentStore(azurite.Storage).GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!.RiskHeld);
    }

    [Fact]
    public async Task AReleaseBetweenAHeldCaptureAndItsRerun_IsPostedByTheRerun_Once()
    {
        var payment = await SeedAsync(RiskReviews.Pending);
        var store = new PaymentStore(azurite.Storage);
        var ledger = new LedgerStore(azurite.Storage, new SettlementDueIndex(azurite.Storage));
        var input = Succeeded(payment);
        var activity = Activity();
        Assert.True(await activity.ExecuteAsync(input, CancellationToken.None));

        // The operator releases after the held capture; the release finds the row held and posts, and a re-run of the
        // completion (its first result lost) posts the same entry, which stands once.
        var held = (await store.GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!;
        var released = await store.UpdateAsync(held, p =>
        {
            p.RiskReview = RiskReviews.Released;
            return true;
        }, CancellationToken.None);
        await new RiskHoldRelease(ledger, TimeProvider.System).PostIfDueAsync(released, CancellationToken.None);
        Assert.True(await activity.ExecuteAsync(input, CancellationToken.None));

        Assert.Equal(0, Balance(await ledger.ReadAccountAsync(LedgerAccounts.RiskHold(payment.MerchantId), CancellationToken.None)));
        Assert.Equal(9_940, Balance(await ledger.ReadAccountAsync(LedgerAccounts.Payable(payment.MerchantId), CancellationToken.None)));
        Assert.NotNull(await ledger.ReadEntryAsync(RiskHoldRelease.EntryId(payment.Id), CancellationToken.None));
    }

    [Fact]
    public async Task ACompletionReadingAReleasedReview_AfterAHeldCaptureWasPosted_KeepsTheHoldAndReleasesIt()
    {
        var payment = await SeedAsync(RiskReviews.Pending);
        var ledger = new LedgerStore(azurite.Storage, new SettlementDueIndex(azurite.Storage));
        var input = Succeeded(payment);

        // The first run posted the held capture and died before writing the row; the operator's release then saw no
        // success to release. The re-run reads "released" but finds the held capture and moves it.
        var gross = payment.AmountValue;
        var allocations = SplitCalculator.Allocate(gross, payment.Fee, payment.MerchantId, null);
        await ledger.PostAsync(
            Postings.HeldForReview(Postings.PaymentCaptured(CompletePaymentActivity.CaptureEntryId(payment.Id), payment.Id, payment.Channel, gross, allocations, PaidAt)),
            CancellationToken.None);
        var store = new PaymentStore(azurite.Storage);
        await store.UpdateAsync((await store.GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!, p =>
        {
            p.RiskReview = RiskReviews.Released;
            return true;
        }, CancellationToken.None);

        Assert.True(await Activity().ExecuteAsync(input, CancellationToken.None));

        Assert.True((await store.GetAsync(payment.MerchantId, payment.Id, CancellationToken.None))!.RiskHeld);
        Assert.Equal(0, Balance(await ledger.ReadAccountAsync(LedgerAccounts.RiskHold(payment.MerchantId), CancellationToken.None)));
        Assert.Equal(9_940, Balance(await ledger.ReadAccountAsync(LedgerAccounts.Payable(payment.MerchantId), CancellationToken.None)));
    }

    public void Dispose() => counter.Dispose();

    private static long Balance(IReadOnlyList<AccountLine> lines) => lines.Sum(l => l.Credits - l.Debits);

    private CompletePaymentActivity Activity()
    {
        var storage = azurite.Counted(counter);
        return new CompletePaymentActivity(
            new PaymentStore(storage), new LedgerStore(storage, new SettlementDueIndex(storage)), new PaymentProgress(), completed,
            new PaymentReports(new ReportStore(storage), Options.Create(new ReportOptions())), ReconciliationIndexTests.Index(storage), new AmlIndex(storage, Options.Create(new AmlOptions())),
            new RiskHoldRelease(new LedgerStore(storage, new SettlementDueIndex(storage)), TimeProvider.System), new RiskReviewStore(storage));
    }

    private static CompletePaymentInput Succeeded(PaymentEntity payment) =>
        new(payment.MerchantId, payment.Id, PaymentStatus.Succeeded, "4200001", PaidAt, null, null, PaidAt.AddSeconds(1));

    private Task<PaymentEntity> SeedAsync(string? riskReview = null) =>
        TestPayments.SeedAsync(azurite.Storage, PaidAt.AddMinutes(-1), p =>
        {
            p.PlacedAtChannel = true;
            p.FeeBasisPoints = 60;
            p.RiskReview = riskReview;
        });
}
