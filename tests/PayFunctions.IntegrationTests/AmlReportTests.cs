using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// Anti-money-laundering reports through LocalHost and the WeChat Pay sandbox: a day holding a large-value payer, a
/// payer structuring just under the standard and ten payers funnelling into one connected account is reported; the
/// files in Blob storage hold exactly those detections, each suspicious one opens a case once, and an operator walks a
/// case through a note, escalation (the day's suspicious file shows it) and closing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AmlReportTests(PlatformFixture platform)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private readonly Scenario scenario = new(platform);

    private static DateOnly ChinaToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, China).DateTime);

    [Fact]
    public async Task ADay_IsReported_WithExactlyItsDetections_CasesOpenOnce_AndACaseIsNotedEscalatedAndClosed()
    {
        await WaitOutMidnightAsync();
        var run = Guid.NewGuid().ToString("N")[..10];
        // The day's payers are allow-listed at the merchant. AML looks at what was paid, whatever risk made of it;
        // without this, the learned score, which weighs the hour of the day, could block a payment far above the
        // merchant's usual at some hours and leave the day without it.
        await scenario.CreatePayerListRuleAsync(
            PlatformFixture.DemoApiKey, "allow", [$"large-{run}", $"split-{run}", .. Enumerable.Range(0, 10).Select(i => $"funnel-{run}-{i}")], "Known payers");

        // RMB 500,000.00 in one payment: the natural person's domestic standard (Article 5(3)).
        var large = await PaidAsync(50_000_000, $"large-{run}");

        // Two payments each within 10 % under it, together over it: structuring, and a large value by their sum.
        var structured = new[] { await PaidAsync(48_000_000, $"split-{run}"), await PaidAsync(46_000_000, $"split-{run}") };

        // Ten payers within minutes into one connected account (90 % of 10.00 each): funnelling.
        var account = await scenario.CreateAccountAsync();
        var funnelled = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            funnelled.Add(await PaidAsync(1_000, $"funnel-{run}-{i}", $$""","split":{"recipients":[{"account":"{{account}}","basis_points":9000}]}"""));
        }

        var ours = new HashSet<string>([large, .. structured, .. funnelled], StringComparer.Ordinal);
        var livemode = (bool)(await scenario.GetPaymentAsync(large))["livemode"]!;
        var day = ChinaToday;

        var first = await RunAsync(day);
        var mode = first["modes"]![livemode ? "live" : "test"]!;
        Assert.True((int)mode["payments"]! >= ours.Count, first.ToJsonString());

        var largeValues = Ours((await FileAsync(day, livemode, "large_value.json"))["detections"]!, ours);
        Assert.Equal(
            [("payer", Sorted(large)), ("payer", Sorted(structured))],
            largeValues.Select(d => ((string)d["party"]!["kind"]!, Transactions(d))).OrderBy(d => d.Item2.Length));
        var cases = Ours((await FileAsync(day, livemode, "suspicious.json"))["cases"]!, ours);
        Assert.Equal(
            [("funnelling", "account", account, Sorted([.. funnelled])), ("structuring", "payer", Payer(largeValues, structured[0]), Sorted(structured))],
            cases.Select(c => ((string)c["pattern"]!, (string)c["party"]!["kind"]!, (string)c["party"]!["id"]!, Transactions(c))).OrderBy(c => c.Item1, StringComparer.Ordinal));
        Assert.All(cases, c => Assert.Equal(("open", "system"), ((string?)c["status"], (string?)c["opened_by"])));

        // A re-run writes the same files and opens no case twice.
        var files = (await RawAsync(day, livemode, "large_value.json"), await RawAsync(day, livemode, "suspicious.json"));
        var again = await RunAsync(day);
        Assert.Equal(0, (int)again["modes"]![livemode ? "live" : "test"]!["cases_opened"]!);
        Assert.Equal(files, (await RawAsync(day, livemode, "large_value.json"), await RawAsync(day, livemode, "suspicious.json")));
        using (var summary = platform.Request(HttpMethod.Get, $"api/ops/aml/reports/{Format(day)}", PlatformFixture.OperatorKey))
        {
            var (status, body, _) = await scenario.SendAsync(summary);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(($"{day:yyyyMMdd}/{(livemode ? "" : "test/")}suspicious.json", "operator:"), ((string?)body["modes"]![livemode ? "live" : "test"]!["files"]!["suspicious"], ((string)body["ran_by"]!)[..9]));
        }

        // The funnelling case: listed open, noted, escalated into the day's suspicious file, closed; each wrong move is 409.
        var id = (string)cases.Single(c => (string?)c["pattern"] == "funnelling")["id"]!;
        Assert.Contains(id, await ListAsync("open"));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(id, "notes", "Ten new payers in four minutes; asked the merchant who the seller is.")).Status);
        var escalated = await ActAsync(id, "escalate", "Reported to the monitoring centre.");
        Assert.Equal((HttpStatusCode.OK, "escalated"), (escalated.Status, (string?)escalated.Body["status"]));
        Assert.StartsWith("operator:", (string?)escalated.Body["escalated_by"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(id, "escalate", "again")).Status);
        var inFile = Ours((await FileAsync(day, livemode, "suspicious.json"))["cases"]!, ours).Single(c => (string?)c["id"] == id);
        Assert.Equal(("escalated", 2), ((string?)inFile["status"], inFile["notes"]!.AsArray().Count));
        Assert.Contains(id, await ListAsync("escalated"));
        Assert.DoesNotContain(id, await ListAsync("open"));

        var closed = await ActAsync(id, "close", "The regulator has the report; nothing more to do here.");
        Assert.Equal((HttpStatusCode.OK, "closed"), (closed.Status, (string?)closed.Body["status"]));
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(id, "close", "again")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(id, "notes", "late")).Status);
        using (var read = platform.Request(HttpMethod.Get, $"api/ops/aml/cases/{id}", PlatformFixture.OperatorKey))
        {
            var (status, body, _) = await scenario.SendAsync(read);
            Assert.Equal((HttpStatusCode.OK, "closed", 3), (status, (string?)body["status"], body["notes"]!.AsArray().Count));
        }

        foreach (var type in (string[])["aml_case.noted", "aml_case.escalated", "aml_case.closed"])
        {
            using var audit = platform.Request(HttpMethod.Get, $"api/ops/audit_events?type={type}&limit=100", PlatformFixture.OperatorKey);
            var events = (await scenario.SendAsync(audit)).Body["data"]!.AsArray();
            Assert.Contains(events, e => (string?)e!["subject"] == id && ((string?)e["actor"])!.StartsWith("operator:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AnOperator_OpensACaseByHand_AndBadInputIsRefused()
    {
        using (var open = platform.Request(HttpMethod.Post, "api/ops/aml/cases", PlatformFixture.OperatorKey, """{"party":{"kind":"merchant","id":"mch_watch"},"reason":"Press reports about the owner.","livemode":false}"""))
        {
            var (status, body, _) = await scenario.SendAsync(open);
            Assert.Equal((HttpStatusCode.Created, "open", "manual", "mch_watch"), (status, (string?)body["status"], (string?)body["pattern"], (string?)body["party"]!["id"]));
        }

        foreach (var body in (string[])[
            """{"reason":"r"}""", """{"party":{"kind":"person","id":"x"},"reason":"r"}""", """{"party":{"kind":"payer","id":"openid-123"},"reason":"r"}""",
            """{"party":{"kind":"account","id":"../x"},"reason":"r"}""", """{"party":{"kind":"account","id":"acct_1"},"reason":""}"""])
        {
            using var request = platform.Request(HttpMethod.Post, "api/ops/aml/cases", PlatformFixture.OperatorKey, body);
            Assert.Equal(HttpStatusCode.BadRequest, (await scenario.SendAsync(request)).Status);
        }

        foreach (var body in (string[])["""{"day":"2026-13-01"}""", """{"day":"1999-12-31"}""", $$"""{"day":"{{Format(ChinaToday.AddDays(2))}}"}"""])
        {
            using var request = platform.Request(HttpMethod.Post, "api/ops/aml/reports/runs", PlatformFixture.OperatorKey, body);
            Assert.Equal(HttpStatusCode.BadRequest, (await scenario.SendAsync(request)).Status);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync("amlc_20260101_" + new string('0', 32), "close", "n")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync("amlc_bogus", "close", "n")).Status);
        using var badStatus = platform.Request(HttpMethod.Get, "api/ops/aml/cases?status=lost", PlatformFixture.OperatorKey);
        Assert.Equal(HttpStatusCode.BadRequest, (await scenario.SendAsync(badStatus)).Status);
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Sorted(params string[] ids) => string.Join(",", ids.Order(StringComparer.Ordinal));

    private static string Transactions(JsonNode item) => Sorted([.. item["transactions"]!.AsArray().Select(t => (string)t!)]);

    /// <summary>The detections or cases about this test's payments: other tests of the fixture pay today too.</summary>
    private static List<JsonNode> Ours(JsonNode items, HashSet<string> ours) =>
        [.. items.AsArray().Where(i => i!["transactions"]!.AsArray().Any(t => ours.Contains((string)t!))).Select(i => i!)];

    /// <summary>The payer's pseudonym, as the large-value report names the payer of <paramref name="payment"/>.</summary>
    private static string Payer(IEnumerable<JsonNode> largeValues, string payment) =>
        (string)largeValues.Single(d => d["transactions"]!.AsArray().Any(t => (string?)t == payment))["party"]!["id"]!;

    /// <summary>Payments made a minute before midnight could be paid on either side of it; the test starts after it.</summary>
    private static async Task WaitOutMidnightAsync()
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, China);
        var untilMidnight = now.Date.AddDays(1) - now.DateTime;
        if (untilMidnight < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(untilMidnight + TimeSpan.FromSeconds(5));
        }
    }

    private async Task<string> PaidAsync(long amount, string payer, string extra = "")
    {
        var id = (string)(await scenario.CreatePaymentAsync($$""","payer":{"id":"{{payer}}"}{{extra}}""", amount))["id"]!;
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id));
        await scenario.WaitForStatusAsync(id, "succeeded", Within);
        return id;
    }

    private async Task<JsonObject> RunAsync(DateOnly day)
    {
        using var request = platform.Request(HttpMethod.Post, "api/ops/aml/reports/runs", PlatformFixture.OperatorKey, $$"""{"day":"{{Format(day)}}"}""");
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}\n{platform.HostLogTail()}");
        return body;
    }

    private async Task<string> RawAsync(DateOnly day, bool livemode, string file)
    {
        var blob = platform.Storage.Blobs.GetBlobContainerClient("aml-reports").GetBlobClient($"{day:yyyyMMdd}/{(livemode ? "" : "test/")}{file}");
        return (await blob.DownloadContentAsync()).Value.Content.ToString();
    }

    private async Task<JsonNode> FileAsync(DateOnly day, bool livemode, string file) => JsonNode.Parse(await RawAsync(day, livemode, file))!;

    private async Task<List<string>> ListAsync(string status)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            using var request = platform.Request(
                HttpMethod.Get, $"api/ops/aml/cases?status={status}&limit=100" + (after is null ? "" : "&starting_after=" + after), PlatformFixture.OperatorKey);
            var (answer, page, _) = await scenario.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, answer);
            var data = page["data"]!.AsArray().Select(d => d!.AsObject()).ToList();
            Assert.All(data, d => Assert.Equal(status, (string?)d["status"]));
            ids.AddRange(data.Select(d => (string)d["id"]!));
            after = (bool)page["has_more"]! ? (string?)data[^1]["id"] : null;
        }
        while (after is not null);
        return ids;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> ActAsync(string id, string action, string note)
    {
        using var request = platform.Request(HttpMethod.Post, $"api/ops/aml/cases/{id}/{action}", PlatformFixture.OperatorKey, $$"""{"note":"{{note}}"}""");
        var (status, body, _) = await scenario.SendAsync(request);
        return (status, body);
    }
}
