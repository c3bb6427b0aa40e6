using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PayFunctions.Channels;
using PayFunctions.Domain;
using PayFunctions.IntegrationTests.Channels;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// Reconciliation through LocalHost against the WeChat Pay sandbox's trade bills: two days whose bills show every class
/// of difference, made the way they happen (a callback that never came, a payment that landed after its close, a
/// payment booked just before midnight) or injected through the sandbox's statement routes; each is found, resolved
/// automatically where it can be, queued for an operator where it cannot, and a re-run changes nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReconciliationTests(PlatformFixture platform)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private readonly Scenario scenario = new(platform);

    private static DateOnly ChinaToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, China).DateTime);

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ADayWithEveryDifference_IsReconciled_ResolvedWherePossible_QueuedOtherwise_AndARerunChangesNothing()
    {
        await WaitOutMidnightAsync();
        var (today, yesterday) = (ChinaToday, ChinaToday.AddDays(-1));
        var missing = await PaidAsync(1_001);
        var amount = await PaidAsync(1_002);
        var fee = await PaidAsync(10_003);
        var duplicate = await PaidAsync(1_004);
        var shifted = await PaidAsync(1_005, $$"""{"success_time":"{{Format(yesterday)}}T23:59:58+08:00"}""");

        // The callback of this one never comes: the platform still waits when the bill says it was paid.
        var unnotified = (string)(await scenario.CreatePaymentAsync(amount: 1_006))["id"]!;
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(unnotified, """{"notify":false}"""));

        // This one was closed, and the payer's payment landed anyway, unnotified.
        var closedButPaid = (string)(await scenario.CreatePaymentAsync(amount: 1_007))["id"]!;
        using (var close = platform.Request(HttpMethod.Post, $"api/v1/payments/{closedButPaid}/close"))
        {
            Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(close)).Status);
        }

        await scenario.WaitForStatusAsync(closedButPaid, "closed", Within);
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(closedButPaid, """{"raced_close":true,"notify":false}"""));

        foreach (var (day, kind, outTradeNo) in (IEnumerable<(DateOnly, string, string)>)
            [(today, "missing", missing), (today, "amount", amount), (today, "fee", fee), (today, "duplicate", duplicate), (yesterday, "date_shift", shifted)])
        {
            await InjectAsync(day, kind, outTradeNo);
        }

        var unknown = (string)(await InjectAsync(today, "unknown", null))["out_trade_no"]!;

        Assert.Equal("completed", (string?)(await RunAsync(yesterday))["status"]);
        var run = await RunAsync(today);
        Assert.Equal(("completed", Format(today)), ((string?)run["status"], (string?)run["day"]));

        var found = await DifferencesAsync(today);
        Assert.Equal(("missing_at_channel", "open", "operator_queued"), Of(found, missing));
        Assert.Equal(("amount_mismatch", "open", "operator_queued"), Of(found, amount));
        Assert.Equal(("fee_mismatch", "resolved", "fee_corrected"), Of(found, fee));
        Assert.Equal(("duplicate", "open", "operator_queued"), Of(found, duplicate));
        Assert.Equal(("missing_on_platform", "open", "operator_queued"), Of(found, unknown));
        Assert.Equal(("missing_on_platform", "resolved", "late_success_raised"), Of(found, unnotified));
        Assert.Equal(("status_mismatch", "resolved", "late_payment_refunded"), Of(found, closedButPaid));
        Assert.Equal(("date_boundary_shift", "resolved", "shift_confirmed"), Of(found, shifted));
        Assert.Equal(("date_boundary_shift", "awaiting", "shift_awaited"), Of(await DifferencesAsync(yesterday), shifted));

        // What the automatic steps did: the fee difference (one fen) is booked, the late success and the late refund happen.
        var feeEntry = Assert.Single(await LedgerSnapshot.ReadJournalAsync(platform.Storage), e => e.Kind == Postings.ChannelFeeCorrectionKind && e.Reference == fee);
        Assert.Equal(
            [(LedgerBooks.Of(true).Account(LedgerAccounts.ChannelFees("wechat_pay")), EntrySide.Debit, 1L), (LedgerBooks.Of(true).Account(LedgerAccounts.ChannelClearing("wechat_pay")), EntrySide.Credit, 1L)],
            feeEntry.Lines.Select(l => (l.Account, l.Side, l.Amount.MinorUnits)));
        await scenario.WaitForStatusAsync(unnotified, "succeeded", Within);
        await WaitForLateRefundAsync(closedButPaid);

        // The operator queue lists what is left; an operator resolves one, once.
        var queued = await QueueAsync();
        Assert.Subset(queued.Keys.ToHashSet(), new[] { Id(found, missing), Id(found, amount), Id(found, duplicate), Id(found, unknown) }.ToHashSet());
        var resolved = await ResolveAsync(Id(found, amount), """{"note":"The payer was charged one fen more; refunded by hand."}""");
        Assert.Equal(HttpStatusCode.OK, resolved.Status);
        Assert.Equal(("resolved", "operator_resolved"), ((string?)resolved.Body["status"], (string?)resolved.Body["outcome"]));
        Assert.StartsWith("operator:", (string?)resolved.Body["resolved_by"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await ResolveAsync(Id(found, amount), """{"note":"again"}""")).Status);
        Assert.DoesNotContain(Id(found, amount), (await QueueAsync()).Keys);

        // Yesterday's report was written before today's bill listed the shifted payment; running yesterday again shows it confirmed.
        Assert.Equal("completed", (string?)(await RunAsync(yesterday))["status"]);
        Assert.Equal(("date_boundary_shift", "resolved", "shift_confirmed"), Of(await DifferencesAsync(yesterday), shifted));

        // A re-run finds the same differences under the same ids and moves no money twice.
        var references = new[] { missing, amount, fee, duplicate, shifted, unnotified, closedButPaid, unknown };
        var before = await StandingAsync(references);
        Assert.Equal(9, before.Count);
        var journalBefore = (await LedgerSnapshot.ReadJournalAsync(platform.Storage)).Count;
        Assert.Equal("completed", (string?)(await RunAsync(today))["status"]);
        Assert.Equal(before, await StandingAsync(references));
        Assert.Equal(journalBefore, (await LedgerSnapshot.ReadJournalAsync(platform.Storage)).Count);
        await scenario.AssertLedgerInvariantAsync();
    }

    /// <summary>Every channel whose statements the platform downloads, each read by its own module through LocalHost.</summary>
    public static TheoryData<string> DownloadingChannels() =>
        [.. ChannelCatalog.All.Where(m => m.Capabilities.Supports(ChannelOperations.StatementDownload)).Select(m => m.Capabilities.Name)];

    [Theory]
    [MemberData(nameof(DownloadingChannels))]
    public async Task TodaysStatement_OfEveryDownloadingChannel_ListsAPaidPayment_WhichMatches(string channel)
    {
        await WaitOutMidnightAsync();
        var flow = new ChannelFlow(platform, channel);
        var method = flow.Capabilities.Methods.First(m => m.NextAction == NextActionType.DisplayQrCode);
        var id = (string)(await flow.CreateAsync(ChannelFlow.Body(method)))["id"]!;
        Assert.Equal(HttpStatusCode.OK, await flow.PayAsync(id));
        await flow.WaitForStatusAsync(id, "succeeded");

        using var request = platform.Request(
            HttpMethod.Post, "api/ops/reconciliation/runs", PlatformFixture.OperatorKey, $$"""{"channel":"{{channel}}","account":"main","day":"{{Format(ChinaToday)}}"}""");
        var (status, run, _) = await scenario.SendAsync(request);

        Assert.True(status == HttpStatusCode.OK && (string?)run["status"] == "completed", $"{status} {run}\n{platform.HostLogTail()}");
        Assert.True((long)run["matched"]! >= 1, run.ToJsonString());
        using var report = platform.Request(HttpMethod.Get, $"api/ops/reconciliation/runs/{(string)run["id"]!}/report", PlatformFixture.OperatorKey);
        var differences = (await scenario.SendAsync(report)).Body["differences"]!.AsArray();
        Assert.DoesNotContain(differences, d => (string?)d!["reference"] == id);
    }

    [Fact]
    public async Task TheReconciliationRoutes_RefuseBadInput_AndAnythingButAnOperator()
    {
        foreach (var body in (string[])[
            """{"account":"main"}""", """{"channel":"wechat_pay"}""", """{"channel":"wechat_pay","account":"nope"}""",
            """{"channel":"stripe","account":"main"}""", """{"channel":"wechat_pay","account":"main","day":"2026-13-01"}""",
            """{"channel":"wechat_pay","account":"main","day":"1999-12-31"}""", $$"""{"channel":"wechat_pay","account":"main","day":"{{Format(ChinaToday.AddDays(2))}}"}""",
            """{"channel":"wechat_pay","account":"main","colour":"red"}"""])
        {
            using var request = platform.Request(HttpMethod.Post, "api/ops/reconciliation/runs", PlatformFixture.OperatorKey, body);
            var (status, problem, _) = await scenario.SendAsync(request);
            Assert.True(status == HttpStatusCode.BadRequest, $"{body}: {status} {problem}");
        }

        using (var merchant = platform.Request(HttpMethod.Post, "api/ops/reconciliation/runs", json: """{"channel":"wechat_pay","account":"main"}"""))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await scenario.SendAsync(merchant)).Status);
        }

        foreach (var path in (string[])["api/ops/reconciliation/runs/recon_20261129_nochannel_main", "api/ops/reconciliation/runs/recon_20000101_wechat_pay_main/report"])
        {
            using var request = platform.Request(HttpMethod.Get, path, PlatformFixture.OperatorKey);
            Assert.Equal(HttpStatusCode.NotFound, (await scenario.SendAsync(request)).Status);
        }

        using (var badStatus = platform.Request(HttpMethod.Get, "api/ops/reconciliation/exceptions?status=lost", PlatformFixture.OperatorKey))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await scenario.SendAsync(badStatus)).Status);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ResolveAsync("rdif_20260101_" + new string('0', 32), """{"note":"n"}""")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ResolveAsync("rdif_20260101_" + new string('0', 32), """{"note":""}""")).Status);
    }

    /// <summary>
    /// A payment booked within the shift window of a midnight, on either side, is read as possibly the neighbouring
    /// day's, and one made just before midnight may be paid after it. The test's payments, made in its first minute,
    /// must be booked well clear of midnight: a test starting near it waits until the window after it has passed.
    /// </summary>
    private static async Task WaitOutMidnightAsync()
    {
        var clear = PlatformFixture.ReconciliationShiftWindow + TimeSpan.FromMinutes(2);
        var sinceMidnight = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, China).TimeOfDay;
        var wait = sinceMidnight < clear ? clear - sinceMidnight
            : sinceMidnight > TimeSpan.FromDays(1) - clear ? TimeSpan.FromDays(1) - sinceMidnight + clear
            : TimeSpan.Zero;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    private async Task<string> PaidAsync(long amount, string pay = "{}")
    {
        var id = (string)(await scenario.CreatePaymentAsync(amount: amount))["id"]!;
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id, pay));
        await scenario.WaitForStatusAsync(id, "succeeded", Within);
        return id;
    }

    private async Task<JsonObject> InjectAsync(DateOnly day, string kind, string? outTradeNo)
    {
        var body = outTradeNo is null
            ? $$"""{"bill_date":"{{Format(day)}}","kind":"{{kind}}","amount":777}"""
            : $$"""{"bill_date":"{{Format(day)}}","kind":"{{kind}}","out_trade_no":"{{outTradeNo}}"}""";
        using var response = await platform.Sandbox.PostAsync("sandbox/wechat_pay/bill/discrepancies", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{body}: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<JsonObject> RunAsync(DateOnly day)
    {
        using var request = platform.Request(
            HttpMethod.Post, "api/ops/reconciliation/runs", PlatformFixture.OperatorKey, $$"""{"channel":"wechat_pay","account":"main","day":"{{Format(day)}}"}""");
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}\n{platform.HostLogTail()}");
        Assert.Equal(0, (int)body["resolve_failures"]!);
        return body;
    }

    /// <summary>The day's report, as the run wrote it to Blob storage.</summary>
    private async Task<IReadOnlyList<JsonObject>> DifferencesAsync(DateOnly day)
    {
        using var request = platform.Request(HttpMethod.Get, $"api/ops/reconciliation/runs/recon_{day:yyyyMMdd}_wechat_pay_main/report", PlatformFixture.OperatorKey);
        var (status, report, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"{status} {report}");
        Assert.Equal(Format(day), (string?)report["run"]!["day"]);
        return [.. report["differences"]!.AsArray().Select(d => d!.AsObject())];
    }

    /// <summary>Every difference about <paramref name="references"/> as it stands now, whatever its status, from the operator API.</summary>
    private async Task<List<string>> StandingAsync(IReadOnlyCollection<string> references)
    {
        var standing = new List<string>();
        foreach (var status in (string[])["pending", "awaiting", "open", "resolved"])
        {
            standing.AddRange((await QueueAsync(status)).Values.Where(d => references.Contains((string)d["reference"]!)).Select(Snapshot));
        }

        standing.Sort(StringComparer.Ordinal);
        return standing;
    }

    private async Task<Dictionary<string, JsonObject>> QueueAsync(string status = "open")
    {
        var queue = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            using var request = platform.Request(
                HttpMethod.Get, $"api/ops/reconciliation/exceptions?status={status}&limit=100" + (after is null ? "" : "&starting_after=" + after), PlatformFixture.OperatorKey);
            var (answer, page, _) = await scenario.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, answer);
            var data = page["data"]!.AsArray().Select(d => d!.AsObject()).ToList();
            Assert.All(data, d => Assert.Equal(status, (string?)d["status"]));
            foreach (var item in data)
            {
                Assert.True(queue.TryAdd((string)item["id"]!, item), $"{item["id"]} listed twice");
            }

            after = (bool)page["has_more"]! ? (string?)data[^1]["id"] : null;
        }
        while (after is not null);
        return queue;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> ResolveAsync(string id, string json)
    {
        using var request = platform.Request(HttpMethod.Post, $"api/ops/reconciliation/exceptions/{id}/resolve", PlatformFixture.OperatorKey, json);
        var (status, body, _) = await scenario.SendAsync(request);
        return (status, body);
    }

    private async Task WaitForLateRefundAsync(string paymentId)
    {
        var deadline = DateTime.UtcNow + Within;
        while (DateTime.UtcNow < deadline)
        {
            using var request = platform.Request(HttpMethod.Get, $"api/v1/payments/{paymentId}/refunds");
            var (_, page, _) = await scenario.SendAsync(request);
            if (page["data"]?.AsArray().SingleOrDefault() is { } refund)
            {
                await scenario.WaitForRefundAsync((string)refund["id"]!, "succeeded", Within);
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"No refund of {paymentId} after {Within}.\n{platform.HostLogTail()}");
    }

    private static JsonObject The(IReadOnlyList<JsonObject> differences, string reference) =>
        Assert.Single(differences, d => (string?)d["reference"] == reference);

    private static (string?, string?, string?) Of(IReadOnlyList<JsonObject> differences, string reference)
    {
        var difference = The(differences, reference);
        return ((string?)difference["class"], (string?)difference["status"], (string?)difference["outcome"]);
    }

    private static string Id(IReadOnlyList<JsonObject> differences, string reference) => (string)The(differences, reference)["id"]!;

    private static string Snapshot(JsonObject difference) =>
        string.Join('|', (string?)difference["id"], (string?)difference["day"], (string?)difference["status"], (string?)difference["outcome"], (string?)difference["resolved_at"]);
}
