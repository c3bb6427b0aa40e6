using System.Net;
using System.Text.Json.Nodes;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>
/// Test and live modes, on a host that has a live WeChat Pay account (<c>real</c>, here the sandbox playing a real
/// channel) next to the sandbox account every host has (<c>main</c>, of mode test). A merchant gets a key of each mode;
/// each key's payments reach only accounts of its mode, post to its own book, and are invisible to the other key.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ModeSeparationTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string LiveAccount = "real";
    private const string SecretPrefix = "wechat-pay-";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private ManagedProcess? host;
    private HttpClient? api;

    private Scenario Scenario => new(platform, api);

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>();
        var main = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(PlatformFixture.RepositoryRoot, "functions", "PayFunctions.LocalHost", "appsettings.json")))!
            ["Channels"]!["WeChatPay"]!["Accounts"]!["main"]!.AsObject();
        foreach (var (name, value) in main)
        {
            settings[$"Channels__WeChatPay__Accounts__{LiveAccount}__{name}"] = name.EndsWith("Url", StringComparison.Ordinal)
                ? platform.Sandbox.BaseAddress!.ToString().TrimEnd('/')
                : (string)value!;
        }

        settings[$"Channels__WeChatPay__Accounts__{LiveAccount}__Mode"] = "live";
        foreach (var secret in Directory.GetFiles(platform.SecretsDirectory, SecretPrefix + "main-*"))
        {
            var name = Path.GetFileName(secret).Replace(SecretPrefix + "main-", SecretPrefix + LiveAccount + "-", StringComparison.Ordinal);
            File.Copy(secret, Path.Combine(platform.SecretsDirectory, name), overwrite: true);
        }

        (host, api) = await platform.StartExtraHostAsync("modes", settings);
    }

    public Task DisposeAsync()
    {
        api?.Dispose();
        host?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Each_key_reaches_only_its_modes_accounts_and_books_and_sees_only_its_modes_payments()
    {
        var (merchantId, liveKey, testKey) = await OnboardAsync();
        Assert.StartsWith("sk_live_", liveKey, StringComparison.Ordinal);
        Assert.StartsWith("sk_test_", testKey, StringComparison.Ordinal);

        var live = await CreateAsync(liveKey);
        var test = await CreateAsync(testKey);
        Assert.Equal((LiveAccount, true), ((string?)live["channel_account"], (bool?)live["livemode"]));
        Assert.Equal(("main", false), ((string?)test["channel_account"], (bool?)test["livemode"]));

        var (liveId, testId) = ((string)live["id"]!, (string)test["id"]!);
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(HttpMethod.Get, $"api/v1/payments/{testId}", liveKey));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(HttpMethod.Get, $"api/v1/payments/{liveId}", testKey));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(HttpMethod.Post, $"api/v1/payments/{testId}/close", liveKey));
        Assert.Equal([liveId], await ListAsync(liveKey));
        Assert.Equal([testId], await ListAsync(testKey));

        Assert.Equal(HttpStatusCode.OK, await Scenario.PayAsync(liveId));
        Assert.Equal(HttpStatusCode.OK, await Scenario.PayAsync(testId));
        await Scenario.WaitForStatusAsync(liveId, "succeeded", Patience, liveKey);
        await Scenario.WaitForStatusAsync(testId, "succeeded", Patience, testKey);

        var liveAccounts = (await Scenario.LedgerEntriesForAsync(liveId)).Single().Lines.Select(l => l.Account).ToList();
        var testAccounts = (await Scenario.LedgerEntriesForAsync(testId)).Single().Lines.Select(l => l.Account).ToList();
        Assert.Contains("channel_clearing:wechat_pay", liveAccounts);
        Assert.Contains($"payable:{merchantId}", liveAccounts);
        Assert.Contains("test:channel_clearing:wechat_pay", testAccounts);
        Assert.Contains("test:payable:platform", testAccounts);
        Assert.Contains($"payable:{merchantId}_test", testAccounts);
        Assert.Empty(liveAccounts.Intersect(testAccounts));

        Assert.Equal(2500 - 15, await PendingSettlementAsync(liveKey));
        Assert.Equal(2500 - 15, await PendingSettlementAsync(testKey));
        await Scenario.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task A_method_with_no_account_of_the_keys_mode_is_refused_and_nothing_is_made()
    {
        var (_, liveKey, _) = await OnboardAsync();

        using var create = platform.Request(
            HttpMethod.Post, "api/v1/payments", liveKey, """{"amount":100,"currency":"cny","method":"alipay.qr","merchant_order_id":"live-alipay","description":"Tea"}""");
        var (status, problem, _) = await Scenario.SendAsync(create);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("method", (string?)problem["param"]);
        Assert.Contains("live mode", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Empty(await ListAsync(liveKey));
    }

    private async Task<(string MerchantId, string LiveKey, string TestKey)> OnboardAsync()
    {
        using var onboard = platform.Request(HttpMethod.Post, "api/ops/merchants", PlatformFixture.OperatorKey, """{"name":"Two Modes Tea","fee_basis_points":60}""");
        var (status, merchant, _) = await Scenario.SendAsync(onboard);
        Assert.Equal(HttpStatusCode.Created, status);
        return ((string)merchant["id"]!, (string)merchant["api_key"]!, (string)merchant["test_api_key"]!);
    }

    private async Task<JsonObject> CreateAsync(string apiKey)
    {
        using var create = platform.Request(HttpMethod.Post, "api/v1/payments", apiKey, Scenario.PaymentBody(Scenario.NewOrderId()));
        var (status, payment, _) = await Scenario.SendAsync(create);
        Assert.True(status == HttpStatusCode.Created, $"{status} {payment}");
        return payment;
    }

    private async Task<HttpStatusCode> StatusOfAsync(HttpMethod method, string path, string apiKey)
    {
        using var request = platform.Request(method, path, apiKey);
        return (await Scenario.SendAsync(request)).Status;
    }

    private async Task<IReadOnlyList<string>> ListAsync(string apiKey)
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/payments?limit=100", apiKey);
        var (status, list, _) = await Scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. list["data"]!.AsArray().Select(p => (string)p!["id"]!)];
    }

    private async Task<long> PendingSettlementAsync(string apiKey)
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/balance", apiKey);
        var (status, balance, _) = await Scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status);
        return balance["pending_settlement"]!.AsArray().Sum(a => (long)a!["amount"]!);
    }
}
