using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// Payments paid through the sandbox, one closed and one partly refunded, read back as reports by method, hour and
/// region in JSON and CSV, by the merchant and by an operator; another merchant's report holds none of it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReportTests(PlatformFixture platform)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(45);
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task Paid_closed_and_refunded_payments_are_counted_by_method_hour_and_region()
    {
        var (merchant, key) = await OnboardAsync("Report Tea House");
        var (_, otherKey) = await OnboardAsync("Report Noodle Bar");

        // 192.0.2.0/25 is Guangdong and 203.0.113.0/24 the United States in the shipped database.
        var wechat = await PaidAsync(key, "wechat_pay.native", "wechat_pay", 10_000, "192.0.2.10");
        await PaidAsync(key, "alipay.qr", "alipay", 2_000, "203.0.113.9");
        var closed = await CreateAsync(key, "wechat_pay.native", 500, null);
        using (var close = platform.Request(HttpMethod.Post, $"api/v1/payments/{closed}/close", key))
        {
            Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(close)).Status);
        }

        await scenario.WaitForStatusAsync(closed, "closed", Within, key);
        var (refundStatus, refund) = await scenario.CreateRefundAsync(wechat, """{"amount":1000}""", apiKey: key);
        Assert.Equal(HttpStatusCode.Created, refundStatus);
        await scenario.WaitForRefundAsync((string)refund["id"]!, "succeeded", Within, key);

        var byMethod = await WaitForReportAsync(key, "group_by=method", r => r["data"]!.AsArray().Sum(x => (long)x!["refunds"]!) == 1 && r["data"]!.AsArray().Sum(x => (long)x!["payments"]!) == 3);
        Assert.Equal("report", (string?)byMethod["object"]);
        Assert.Equal("method", (string?)byMethod["group_by"]);
        Assert.Equal("Asia/Shanghai", (string?)byMethod["time_zone"]);
        Assert.False((bool)byMethod["livemode"]!);
        Assert.Equal(
            ["alipay.qr cny 1/1/0 1 2000 0/0 12", "wechat_pay.native cny 2/1/1 0.5 10000 1/1000 60"],
            Rows(byMethod).Select(r => $"{r["key"]} {r["currency"]} {r["payments"]}/{r["succeeded"]}/{r["failed"]} {r["success_rate"]} {r["amount"]} {r["refunds"]}/{r["refunded_amount"]} {r["fees"]}"));

        var byRegion = await ReportAsync(key, "group_by=region");
        Assert.Equal(["CN-GD 1 10000 1000", "US 1 2000 0", "unknown 1 0 0"], Rows(byRegion).Select(r => $"{r["key"]} {r["payments"]} {r["amount"]} {r["refunded_amount"]}"));

        var byHour = await ReportAsync(key, "group_by=hour");
        Assert.All(Rows(byHour), r => Assert.Matches("^([01][0-9]|2[0-3])$", (string)r["key"]!));
        Assert.Equal((3L, 12_000L), (Rows(byHour).Sum(r => (long)r["payments"]!), Rows(byHour).Sum(r => (long)r["amount"]!)));

        using var csvRequest = platform.Request(HttpMethod.Get, "api/v1/reports/payments?group_by=method&format=csv", key);
        using var csv = await platform.Api.SendAsync(csvRequest);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            [
                "key,currency,payments,succeeded,failed,success_rate,amount,refunds,refunded_amount,fees",
                "alipay.qr,cny,1,1,0,1,2000,0,0,12",
                "wechat_pay.native,cny,2,1,1,0.5,10000,1,1000,60",
            ],
            (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        Assert.Empty(Rows(await ReportAsync(otherKey, "group_by=method")));
        using var asOperator = platform.Request(
            HttpMethod.Get, $"api/ops/reports/payments?group_by=method&livemode=false&merchant={merchant}", PlatformFixture.OperatorKey);
        var (operatorStatus, operatorView, _) = await scenario.SendAsync(asOperator);
        Assert.Equal(HttpStatusCode.OK, operatorStatus);
        Assert.Equal(byMethod["data"]!.ToJsonString(), operatorView["data"]!.ToJsonString());
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-11-30&to=2026-11-01", "from")]
    [InlineData("from=2025-01-01&to=2026-11-30", "to")]
    [InlineData("group_by=province", "group_by")]
    [InlineData("format=xlsx", "format")]
    public async Task Bad_parameters_are_refused_naming_the_parameter(string query, string param)
    {
        var problem = await ReportAsync(PlatformFixture.DemoApiKey, query, HttpStatusCode.BadRequest);

        Assert.Equal(param, (string?)problem["param"]);
    }

    [Fact]
    public async Task A_damaged_ip_database_upload_is_refused_as_a_problem()
    {
        using var request = platform.Request(HttpMethod.Post, "api/ops/ip_regions", PlatformFixture.OperatorKey);
        request.Content = new StringContent("192.0.2.0,192.0.2.255,CN-GD\n192.0.2.9,192.0.3.0,US\n", Encoding.UTF8, "text/csv");

        var (status, problem, response) = await scenario.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ip_regions_invalid", (string?)problem["code"]);
        Assert.Contains("Line 2", (string?)problem["detail"], StringComparison.Ordinal);
    }

    private static IReadOnlyList<JsonObject> Rows(JsonObject report) => [.. report["data"]!.AsArray().Select(r => r!.AsObject())];

    private async Task<(string Merchant, string TestKey)> OnboardAsync(string name)
    {
        using var request = platform.Request(HttpMethod.Post, "api/ops/merchants", PlatformFixture.OperatorKey, $$"""{"name":"{{name}}","fee_basis_points":60}""");
        var (status, merchant, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"{status} {merchant}");
        return ((string)merchant["id"]!, (string)merchant["test_api_key"]!);
    }

    private async Task<string> CreateAsync(string key, string method, long amount, string? payerIp)
    {
        var payer = payerIp is null ? "" : $$""","payer":{"ip":"{{payerIp}}"}""";
        var body = $$"""{"amount":{{amount}},"currency":"cny","method":"{{method}}","merchant_order_id":"{{Scenario.NewOrderId()}}","description":"Tea"{{payer}}}""";
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", key, body);
        var (status, created, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"create answered {status}: {created}");
        return (string)created["id"]!;
    }

    private async Task<string> PaidAsync(string key, string method, string channel, long amount, string payerIp)
    {
        var id = await CreateAsync(key, method, amount, payerIp);
        Assert.Equal(HttpStatusCode.OK, await scenario.SandboxPostAsync($"sandbox/{channel}/orders/{id}/pay"));
        await scenario.WaitForStatusAsync(id, "succeeded", Within, key);
        return id;
    }

    private async Task<JsonObject> ReportAsync(string key, string query, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/reports/payments?" + query, key);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == expected, $"{status} {body}");
        return body;
    }

    /// <summary>The refund's orchestration answers the merchant before its completion activity has counted it.</summary>
    private async Task<JsonObject> WaitForReportAsync(string key, string query, Func<JsonObject, bool> complete)
    {
        var deadline = DateTime.UtcNow + Within;
        var report = await ReportAsync(key, query);
        while (!complete(report) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            report = await ReportAsync(key, query);
        }

        return report;
    }
}
