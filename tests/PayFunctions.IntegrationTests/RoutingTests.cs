using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// Two WeChat Pay accounts of the platform, <c>primary</c> and <c>backup</c>, sharing the sandbox merchant's keys (as
/// sub-merchants of one service provider do) and each behind its own fault profile of the sandbox: payments fail over
/// from an account in an outage, come back to it once it recovers, respect the merchant's limits, and explain each
/// decision on the payment.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RoutingTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Channel = "wechat_pay";
    private const string SecretPrefix = "wechat-pay-";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private static readonly string[] Accounts = ["primary", "backup"];
    private ManagedProcess? host;
    private HttpClient? api;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Channels__WeChatPay__DefaultAccount"] = "primary",
            ["ChannelResilience__BreakDuration"] = "00:00:02",
        };
        var main = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(PlatformFixture.RepositoryRoot, "functions", "PayFunctions.LocalHost", "appsettings.json")))!
            ["Channels"]!["WeChatPay"]!["Accounts"]!["main"]!.AsObject();
        foreach (var account in Accounts)
        {
            foreach (var (name, value) in main)
            {
                settings[$"Channels__WeChatPay__Accounts__{account}__{name}"] = name.EndsWith("Url", StringComparison.Ordinal)
                    ? new Uri(platform.Sandbox.BaseAddress!, $"faults/{Profile(account)}").ToString()
                    : (string)value!;
            }

            foreach (var secret in Directory.GetFiles(platform.SecretsDirectory, SecretPrefix + "main-*"))
            {
                var name = Path.GetFileName(secret).Replace(SecretPrefix + "main-", SecretPrefix + account + "-", StringComparison.Ordinal);
                File.Copy(secret, Path.Combine(platform.SecretsDirectory, name), overwrite: true);
            }

            await ClearFaultAsync(account);
        }

        (host, api) = await platform.StartExtraHostAsync("routing", settings);
    }

    public async Task DisposeAsync()
    {
        foreach (var account in Accounts)
        {
            await ClearFaultAsync(account);
        }

        api?.Dispose();
        host?.Dispose();
    }

    [Fact]
    public async Task An_account_in_an_outage_is_failed_over_and_the_payment_says_why()
    {
        var merchant = await NewMerchantWithPolicyAsync(Candidate("primary", 0) + "," + Candidate("backup", 1));
        await SetFaultAsync("primary", """{"outage":true}""");

        var payment = await CreateAsync(merchant);
        var id = (string)payment["id"]!;
        var routing = payment["routing"]!.AsObject();
        var attempts = routing["attempts"]!.AsArray();

        Assert.Equal("requires_action", (string?)payment["status"]);
        Assert.Equal("backup", (string?)payment["channel_account"]);
        Assert.Equal("prefer-primary", (string?)routing["rule"]);
        Assert.Equal([1, 2], routing["candidates"]!.AsArray().Select(c => (int?)c!["rank"]));
        Assert.Equal(("wechat_pay/primary", "failed", "channel_unavailable"), Attempt(attempts[0]!));
        Assert.Equal(("wechat_pay/backup", "placed", null), Attempt(attempts[^1]!));

        // The backup account's order is the one the payer pays; its callback is signed with the shared key and counts for it.
        Assert.Equal(HttpStatusCode.OK, await new Scenario(platform, api).PayAsync(id));
        var paid = await WaitForAsync(merchant, id, "succeeded");
        Assert.Equal("backup", (string?)paid["channel_account"]);
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_the_recovered_account_is_used_again()
    {
        var merchant = await NewMerchantWithPolicyAsync(Candidate("primary", 0) + "," + Candidate("backup", 1));
        await SetFaultAsync("primary", """{"outage":true}""");
        JsonObject payment;
        var created = 0;
        do
        {
            payment = await CreateAsync(merchant);
            created++;
        }
        while (Verdict(payment, "primary")["eliminated"] is null && created < 10);

        Assert.Equal("circuit_open", (string?)Verdict(payment, "primary")["eliminated"]);
        Assert.Equal("backup", (string?)payment["channel_account"]);

        await ClearFaultAsync("primary");
        JsonObject recovered;
        var deadline = DateTime.UtcNow + Patience;
        do
        {
            await Task.Delay(500);
            recovered = await CreateAsync(merchant);
        }
        while ((string?)recovered["channel_account"] != "primary" && DateTime.UtcNow < deadline);

        Assert.Equal("primary", (string?)recovered["channel_account"]);
        Assert.Null(Verdict(recovered, "primary")["eliminated"]);
    }

    [Fact]
    public async Task A_daily_limit_moves_the_next_payment_to_the_next_candidate()
    {
        var merchant = await NewMerchantWithPolicyAsync(
            Candidate("primary", 0, ""","limits":{"daily_count":1}""") + "," + Candidate("backup", 1));

        var first = await CreateAsync(merchant);
        var second = await CreateAsync(merchant);

        Assert.Equal("primary", (string?)first["channel_account"]);
        Assert.Equal("backup", (string?)second["channel_account"]);
        Assert.Equal("over_daily_count", (string?)Verdict(second, "primary")["eliminated"]);
        Assert.Null((int?)Verdict(second, "primary")["rank"]);
        Assert.Equal(1, (int?)Verdict(second, "backup")["rank"]);
    }

    [Fact]
    public async Task The_routing_decision_is_returned_when_the_payment_is_retrieved()
    {
        var merchant = await NewMerchantWithPolicyAsync(Candidate("primary", 0) + "," + Candidate("backup", 1));
        var created = await CreateAsync(merchant);

        using var request = platform.Request(HttpMethod.Get, $"api/v1/payments/{created["id"]}", merchant);
        var (status, fetched, _) = await new Scenario(platform, api).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(created["routing"]!.ToJsonString(), fetched["routing"]!.ToJsonString());
        Assert.All(fetched["routing"]!["candidates"]!.AsArray(), c => Assert.InRange((double)c!["success_estimate"]!, 0.0, 1.0));
    }

    private static string Profile(string account) => "rt-" + account;

    private static string Candidate(string account, int priority, string extra = "") =>
        $$"""{"channel_account":"{{Channel}}/{{account}}","priority":{{priority}},"weight":1{{extra}}}""";

    private static (string?, string?, string?) Attempt(JsonNode attempt) =>
        ((string?)attempt["channel_account"], (string?)attempt["outcome"], (string?)attempt["reason"]);

    private static JsonObject Verdict(JsonObject payment, string account) =>
        payment["routing"]!["candidates"]!.AsArray().Single(c => (string?)c!["channel_account"] == $"{Channel}/{account}")!.AsObject();

    /// <summary>A merchant of its own, so its policy routes only its payments, with one rule over the two accounts.</summary>
    private async Task<string> NewMerchantWithPolicyAsync(string candidates)
    {
        var scenario = new Scenario(platform, api);
        using var onboard = platform.Request(HttpMethod.Post, "api/ops/merchants", PlatformFixture.OperatorKey, """{"name":"Routing"}""");
        onboard.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var (created, merchant, _) = await scenario.SendAsync(onboard);
        Assert.Equal(HttpStatusCode.Created, created);
        var apiKey = (string)merchant["test_api_key"]!;

        using var configure = platform.Request(
            HttpMethod.Post,
            "api/v1/routing",
            apiKey,
            $$"""{"objective":"success","rules":[{"name":"prefer-primary","when":{"methods":["wechat_pay.native"]},"candidates":[{{candidates}}]}]}""");
        configure.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var (configured, policy, _) = await scenario.SendAsync(configure);
        Assert.True(configured == HttpStatusCode.OK, $"routing answered {configured}: {policy}");
        return apiKey;
    }

    private async Task<JsonObject> CreateAsync(string apiKey)
    {
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", apiKey, Scenario.PaymentBody(Scenario.NewOrderId()));
        var (status, body, _) = await new Scenario(platform, api).SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"create answered {status}: {body}\n{host?.Output[^Math.Min(host.Output.Length, 4000)..]}");
        return body;
    }

    private async Task<JsonObject> WaitForAsync(string apiKey, string id, string status)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonObject payment;
        do
        {
            using var request = platform.Request(HttpMethod.Get, $"api/v1/payments/{id}", apiKey);
            (_, payment, _) = await new Scenario(platform, api).SendAsync(request);
            if ((string?)payment["status"] == status)
            {
                return payment;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Payment {id} is {payment["status"]}, not {status}.");
        return payment;
    }

    private async Task SetFaultAsync(string account, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await platform.Sandbox.PutAsync($"sandbox/faults/{Profile(account)}", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task ClearFaultAsync(string account)
    {
        using var response = await platform.Sandbox.DeleteAsync($"sandbox/faults/{Profile(account)}");
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound);
    }
}
