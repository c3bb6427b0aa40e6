using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Domain;

namespace PayFunctions.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class RefundTests(PlatformFixture platform)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(45);

    // The refund orchestration's first poll of a refund the channel has not notified comes after this.
    private static readonly TimeSpan RefundOrchestratorFirstPoll = TimeSpan.FromSeconds(30);
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task TwoPartialRefunds_ReverseTheSplitExactly_AndNothingIsLeftToRefund()
    {
        var courier = await scenario.CreateAccountAsync();
        var id = await PaidPaymentAsync("wechat_pay.native", "wechat_pay", 10000, $$""","split":{"recipients":[{"account":"{{courier}}","basis_points":1000}]}""");

        var (status, first) = await scenario.CreateRefundAsync(id, """{"amount":3333,"reason":"Damaged cup","metadata":{"ticket":"T-1"}}""", "refund-key-" + id);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("refund", (string?)first["object"]);
        Assert.StartsWith("re_", (string?)first["id"], StringComparison.Ordinal);
        Assert.Equal(id, (string?)first["payment"]);
        Assert.Equal("cny", (string?)first["currency"]);
        Assert.Equal("T-1", (string?)first["metadata"]?["ticket"]);
        var (replayStatus, replay) = await scenario.CreateRefundAsync(id, """{"amount":3333,"reason":"Damaged cup","metadata":{"ticket":"T-1"}}""", "refund-key-" + id);
        Assert.Equal(HttpStatusCode.Created, replayStatus);
        Assert.Equal((string?)first["id"], (string?)replay["id"]);

        var (restStatus, rest) = await scenario.CreateRefundAsync(id, "");
        Assert.Equal(HttpStatusCode.Created, restStatus);
        Assert.Equal(6667, (long)rest["amount"]!);
        var (tooMuch, refused) = await scenario.CreateRefundAsync(id, """{"amount":1}""");
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch);
        Assert.Equal("amount_too_large", (string?)refused["code"]);
        Assert.Equal("amount", (string?)refused["param"]);

        var done = await scenario.WaitForRefundAsync((string)first["id"]!, "succeeded", Within);
        Assert.NotNull((string?)done["channel_refund_no"]);
        Assert.NotNull((string?)done["succeeded_at"]);
        await scenario.WaitForRefundAsync((string)rest["id"]!, "succeeded", Within);

        var list = await GetAsync($"api/v1/payments/{id}/refunds");
        Assert.Equal([(string)rest["id"]!, (string)first["id"]!], list["data"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.Equal(HttpStatusCode.NotFound, (await GetStatusAsync($"api/v1/refunds/{first["id"]}", PlatformFixture.OtherApiKey)));
        Assert.Equal(HttpStatusCode.NotFound, (await GetStatusAsync($"api/v1/payments/{id}/refunds", PlatformFixture.OtherApiKey)));

        var payment = await scenario.GetPaymentAsync(id);
        var book = LedgerBooks.Of(!(bool)payment["livemode"]!);
        var received = payment["allocations"]!.AsArray().ToDictionary(a => book.Account(LedgerAccounts.Payable((string)a!["account"]!)), a => (long)a!["amount"]!);
        var journal = await LedgerSnapshot.ReadJournalAsync(platform.Storage);
        var reversals = journal.Where(e => e.Kind == Postings.RefundKind && (e.Reference == (string)first["id"]! || e.Reference == (string)rest["id"]!)).ToList();
        Assert.Equal(2, reversals.Count);
        var reversed = reversals.SelectMany(e => e.Lines).Where(l => l.Side == EntrySide.Debit)
            .GroupBy(l => l.Account).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount.MinorUnits));
        Assert.Equal(received.OrderBy(kv => kv.Key), reversed.OrderBy(kv => kv.Key));
        await WaitForWebhookAsync((string)first["id"]!, "refund.succeeded");
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task TwentyConcurrentRefunds_NeverRefundMoreThanWasCaptured()
    {
        var id = await PaidPaymentAsync("wechat_pay.native", "wechat_pay", 10000);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => scenario.CreateRefundAsync(id, """{"amount":700}""", $"concurrent-{i}-{id}")));

        var accepted = answers.Where(a => a.Status == HttpStatusCode.Created).Select(a => a.Body).ToList();
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, a.Status);
            Assert.Equal("amount_too_large", (string?)a.Body["code"]);
        });
        Assert.Equal(14, accepted.Count);
        foreach (var refund in accepted)
        {
            await scenario.WaitForRefundAsync((string)refund["id"]!, "succeeded", Within);
        }

        var ids = accepted.Select(r => (string)r["id"]!).ToHashSet();
        var refunded = (await LedgerSnapshot.ReadJournalAsync(platform.Storage))
            .Where(e => e.Kind == Postings.RefundKind && ids.Contains(e.Reference))
            .Sum(e => e.Lines.Where(l => l.Side == EntrySide.Credit).Sum(l => l.Amount.MinorUnits));
        Assert.Equal(9800, refunded);
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task RefundTheChannelFails_ReleasesItsReservation_AndPostsNothing()
    {
        var (id, failing) = await RefundMeetingFaultAsync("fail_next", 2500, 1000);
        var failed = await scenario.WaitForRefundAsync(failing, "failed", Within);
        Assert.Equal("refund_failed", (string?)failed["failure_code"]);
        await WaitForWebhookAsync(failing, "refund.failed");

        // The channel keeps counting an abnormal refund against the order, so it declines a refund of
        // the whole amount; ours released the reservation, so it takes the request and records the refusal.
        var (wholeStatus, whole) = await scenario.CreateRefundAsync(id, "");
        Assert.Equal(HttpStatusCode.Created, wholeStatus);
        Assert.Equal(2500, (long)whole["amount"]!);
        Assert.Equal("channel_declined", (string?)(await scenario.WaitForRefundAsync((string)whole["id"]!, "failed", Within))["failure_code"]);

        var (restStatus, rest) = await scenario.CreateRefundAsync(id, """{"amount":1500}""");
        Assert.Equal(HttpStatusCode.Created, restStatus);
        await scenario.WaitForRefundAsync((string)rest["id"]!, "succeeded", Within);
        var journal = await LedgerSnapshot.ReadJournalAsync(platform.Storage);
        Assert.DoesNotContain(journal, e => e.Reference == failing || e.Reference == (string)whole["id"]!);
        Assert.Single(journal, e => e.Reference == (string)rest["id"]!);
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task RefundWhoseNotificationIsLost_SucceedsByTheTimedQuery()
    {
        var (id, refundId) = await RefundMeetingFaultAsync("silence_next", 1500, 600);

        // No REFUND.SUCCESS ever comes: the orchestration's first poll asks the channel and finds the refund ended.
        var done = await scenario.WaitForRefundAsync(refundId, "succeeded", RefundOrchestratorFirstPoll + Within);
        Assert.NotNull((string?)done["channel_refund_no"]);
        var atChannel = JsonNode.Parse(await platform.Sandbox.GetStringAsync($"sandbox/wechat_pay/refunds/{refundId}"))!;
        Assert.Null(atChannel["notification_id"]);
        Assert.Empty(atChannel["deliveries"]!.AsArray());
        await WaitForWebhookAsync(refundId, "refund.succeeded");
        Assert.Single(await LedgerSnapshot.ReadJournalAsync(platform.Storage), e => e.Kind == Postings.RefundKind && e.Reference == refundId);
        var (restStatus, rest) = await scenario.CreateRefundAsync(id, "");
        Assert.Equal(HttpStatusCode.Created, restStatus);
        Assert.Equal(900, (long)rest["amount"]!);
        await scenario.WaitForRefundAsync((string)rest["id"]!, "succeeded", Within);
        await scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task LatePayment_AfterTheClose_IsRefundedToThePayer_AndNeverReachesTheMerchant()
    {
        var id = (string)(await scenario.CreatePaymentAsync(amount: 2345))["id"]!;
        using var close = platform.Request(HttpMethod.Post, $"api/v1/payments/{id}/close");
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(close)).Status);

        // The payer's payment was under way at the close: WeChat Pay completes it anyway and notifies, twice more at once.
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id, """{"raced_close":true}"""));
        Assert.Equal(HttpStatusCode.Accepted, await scenario.SandboxPostAsync($"sandbox/wechat_pay/orders/{id}/notifications/resend", """{"times":2,"concurrent":true}"""));

        var refundId = await WaitForLateRefundAsync(id);
        var refund = await scenario.WaitForRefundAsync(refundId, "succeeded", Within);
        Assert.Equal(2345, (long)refund["amount"]!);
        Assert.Equal(id, (string?)refund["payment"]);
        Assert.NotNull((string?)refund["channel_refund_no"]);
        await WaitForWebhookAsync(refundId, "refund.succeeded");

        var payment = await scenario.GetPaymentAsync(id);
        Assert.Equal("closed", (string?)payment["status"]);
        Assert.Single((await GetAsync($"api/v1/payments/{id}/refunds"))["data"]!.AsArray());
        var journal = await LedgerSnapshot.ReadJournalAsync(platform.Storage);
        var received = Assert.Single(journal, e => e.Reference == id);
        Assert.Equal(Postings.LatePaymentKind, received.Kind);
        var returned = Assert.Single(journal, e => e.Reference == refundId);
        Assert.Equal(Postings.LatePaymentRefundKind, returned.Kind);
        var suspenseAccount = LedgerBooks.Of(!(bool)payment["livemode"]!).Account(LedgerAccounts.LatePaymentsSuspense);
        var suspense = received.Lines.Concat(returned.Lines).Where(l => l.Account == suspenseAccount).ToList();
        Assert.Equal(2, suspense.Count);
        Assert.Equal(0, suspense.Sum(l => l.Side == EntrySide.Credit ? l.Amount.MinorUnits : -l.Amount.MinorUnits));
        Assert.DoesNotContain(journal, e => e.Lines.Any(l => LedgerSnapshot.IsPayable(l.Account)) && (e.Reference == id || e.Reference == refundId));
        await scenario.AssertLedgerInvariantAsync();
    }

    /// <summary>The one refund the platform starts by itself for money that arrived after the payment ended.</summary>
    private async Task<string> WaitForLateRefundAsync(string paymentId)
    {
        var deadline = DateTime.UtcNow + Within;
        do
        {
            if ((await GetAsync($"api/v1/payments/{paymentId}/refunds"))["data"]!.AsArray().SingleOrDefault() is { } refund)
            {
                return (string)refund["id"]!;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"No refund of late payment {paymentId} within {Within}.\n{platform.HostLogTail()}");
        return "";
    }

    [Fact]
    public async Task BadRefunds_AreRefusedAndChangeNothing()
    {
        var unpaid = (string)(await scenario.CreatePaymentAsync())["id"]!;
        var (notPaid, notPaidBody) = await scenario.CreateRefundAsync(unpaid, "{}");
        Assert.Equal(HttpStatusCode.Conflict, notPaid);
        Assert.Equal("payment_unexpected_state", (string?)notPaidBody["code"]);

        var id = await PaidPaymentAsync("wechat_pay.native", "wechat_pay", 1000);
        foreach (var (body, param) in new[] { ("""{"amount":0}""", "amount"), ("""{"reason":"bad\u0007reason"}""", "reason"), ("""{"amount":-5}""", "amount") })
        {
            var (status, problem) = await scenario.CreateRefundAsync(id, body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(param, (string?)problem["param"]);
        }

        var (over, overBody) = await scenario.CreateRefundAsync(id, """{"amount":1001}""");
        Assert.Equal(HttpStatusCode.BadRequest, over);
        Assert.Equal("amount_too_large", (string?)overBody["code"]);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.CreateRefundAsync(id, "{}", apiKey: PlatformFixture.OtherApiKey)).Status);
        Assert.Equal(HttpStatusCode.NotFound, await GetStatusAsync("api/v1/refunds/re_junk", PlatformFixture.DemoApiKey));
        Assert.Empty((await GetAsync($"api/v1/payments/{id}/refunds"))["data"]!.AsArray());
    }

    private async Task<string> PaidPaymentAsync(string method, string sandboxChannel, long amount, string extra = "")
    {
        var body = $$"""{"amount":{{amount}},"currency":"cny","method":"{{method}}","merchant_order_id":"{{Scenario.NewOrderId()}}","description":"Latte"{{extra}}}""";
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: body);
        var (status, created, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"create answered {status}: {created}");
        var id = (string)created["id"]!;
        Assert.Equal(HttpStatusCode.OK, await scenario.SandboxPostAsync($"sandbox/{sandboxChannel}/orders/{id}/pay"));
        await scenario.WaitForStatusAsync(id, "succeeded", Within);
        return id;
    }

    /// <summary>A refund of a paid WeChat Pay payment that meets one of the simulator's refund faults.</summary>
    private async Task<(string PaymentId, string RefundId)> RefundMeetingFaultAsync(string fault, long paid, long refunded)
    {
        var id = await PaidPaymentAsync("wechat_pay.native", "wechat_pay", paid);
        Assert.Equal(HttpStatusCode.Accepted, await scenario.SandboxPostAsync($"sandbox/wechat_pay/refunds/{fault}", """{"times":1}"""));
        var (status, refund) = await scenario.CreateRefundAsync(id, $$"""{"amount":{{refunded}}}""");
        Assert.Equal(HttpStatusCode.Created, status);
        return (id, (string)refund["id"]!);
    }

    private async Task WaitForWebhookAsync(string refundId, string type)
    {
        var deadline = DateTime.UtcNow + Within;
        while (DateTime.UtcNow < deadline)
        {
            if ((await scenario.WebhooksForAsync(refundId)).Any(w => ((string?)w["body"] ?? "").Contains($"\"type\":\"{type}\"", StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"No {type} webhook for {refundId} within {Within}.");
    }

    private async Task<JsonObject> GetAsync(string path)
    {
        using var request = platform.Request(HttpMethod.Get, path);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"GET {path} answered {status}: {body}");
        return body;
    }

    private async Task<HttpStatusCode> GetStatusAsync(string path, string apiKey)
    {
        using var request = platform.Request(HttpMethod.Get, path, apiKey);
        return (await scenario.SendAsync(request)).Status;
    }
}
