using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class AccountTests(PlatformFixture platform)
{
    private const string AccountNumber = "6222020200987654321";
    private const string HolderName = "Zhao Lei Holder";
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task CreateAccount_AnswersMaskedPayoutDetails_KeepsThemSealed_AndNeverLogsThem()
    {
        var body = """{"type":"individual","name":"Zhao Lei","payout_method":{"type":"bank_account","bank_account":{"account_holder_name":""" + $"\"{HolderName}\"" +
            ""","bank_name":"China Merchants Bank","account_number":""" + $"\"{AccountNumber}\"" + "}}}";
        using var create = platform.Request(HttpMethod.Post, "api/v1/accounts", json: body);
        var (status, account, response) = await scenario.SendAsync(create);

        Assert.Equal(HttpStatusCode.Created, status);
        var id = (string)account["id"]!;
        Assert.Matches("^acct_[0-9a-z]{24}$", id);
        Assert.Equal("account", (string?)account["object"]);
        Assert.Equal("active", (string?)account["status"]);
        Assert.Equal("bank_account", (string?)account["payout_method"]!["type"]);
        Assert.Equal("China Merchants Bank", (string?)account["payout_method"]!["bank_account"]!["bank_name"]);
        Assert.Equal("4321", (string?)account["payout_method"]!["bank_account"]!["last4"]);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(AccountNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(HolderName, text, StringComparison.Ordinal);

        using var get = platform.Request(HttpMethod.Get, $"api/v1/accounts/{id}");
        var (getStatus, fetched, getResponse) = await scenario.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal(account.ToJsonString(), fetched.ToJsonString());
        Assert.DoesNotContain(AccountNumber, await getResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var row = (await platform.Storage.Tables.GetTableClient(TableNames.Accounts).GetEntityAsync<TableEntity>(PlatformFixture.DemoMerchantId, id)).Value;
        Assert.All(((IDictionary<string, object>)row).Values, v => Assert.DoesNotContain(AccountNumber, v?.ToString() ?? "", StringComparison.Ordinal));
        Assert.All(((IDictionary<string, object>)row).Values, v => Assert.DoesNotContain(HolderName, v?.ToString() ?? "", StringComparison.Ordinal));
        var opened = await new SecretEnvelope(platform.Secrets).OpenAsync(
            (string)row[nameof(AccountEntity.PayoutSealed)], AccountEntity.PayoutContext(PlatformFixture.DemoMerchantId, id), CancellationToken.None);
        Assert.Equal(AccountNumber, (string?)JsonNode.Parse(opened)!["account_number"]);
        Assert.Equal(HolderName, (string?)JsonNode.Parse(opened)!["account_holder_name"]);

        Assert.DoesNotContain(AccountNumber, platform.Host!.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAccount_WithWeChatReceiver_ShowsOnlyTheOpenidsLastFour()
    {
        using var create = platform.Request(
            HttpMethod.Post,
            "api/v1/accounts",
            json: """{"type":"individual","name":"Li Na","payout_method":{"type":"wechat_pay","wechat_pay":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}}""");
        var (status, account, response) = await scenario.SendAsync(create);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("wechat_pay", (string?)account["payout_method"]!["type"]);
        Assert.Equal("eS6o", (string?)account["payout_method"]!["wechat_pay"]!["last4"]);
        Assert.DoesNotContain("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAccount_RetriedWithTheSameIdempotencyKey_CreatesOneAccount()
    {
        var key = "acct-" + Guid.NewGuid().ToString("N");
        var body = Scenario.BankAccountBody("6222020200111122223");
        using var first = platform.Request(HttpMethod.Post, "api/v1/accounts", json: body);
        first.Headers.Add("Idempotency-Key", key);
        using var second = platform.Request(HttpMethod.Post, "api/v1/accounts", json: body);
        second.Headers.Add("Idempotency-Key", key);

        var (_, created, _) = await scenario.SendAsync(first);
        var (status, replayed, response) = await scenario.SendAsync(second);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("true", response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((string?)created["id"], (string?)replayed["id"]);
    }

    [Fact]
    public async Task ListAccounts_PagesNewestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await scenario.CreateAccountAsync(PlatformFixture.OtherApiKey));
        }

        using var firstPage = platform.Request(HttpMethod.Get, "api/v1/accounts?limit=2", PlatformFixture.OtherApiKey);
        var (_, page1, _) = await scenario.SendAsync(firstPage);
        var page1Ids = page1["data"]!.AsArray().Select(a => (string)a!["id"]!).ToList();
        Assert.Equal([ids[2], ids[1]], page1Ids);
        Assert.True((bool)page1["has_more"]!);
        Assert.Equal("/api/v1/accounts", (string?)page1["url"]);

        using var secondPage = platform.Request(HttpMethod.Get, $"api/v1/accounts?limit=2&starting_after={page1Ids[^1]}", PlatformFixture.OtherApiKey);
        var (_, page2, _) = await scenario.SendAsync(secondPage);
        Assert.Equal(ids[0], (string?)page2["data"]![0]!["id"]);
    }

    [Fact]
    public async Task AnotherMerchantsAccount_IsNotFound_AndCannotBeDeactivated()
    {
        var id = await scenario.CreateAccountAsync();

        using var get = platform.Request(HttpMethod.Get, $"api/v1/accounts/{id}", PlatformFixture.OtherApiKey);
        var (getStatus, problem, _) = await scenario.SendAsync(get);
        Assert.Equal(HttpStatusCode.NotFound, getStatus);
        Assert.Equal("resource_missing", (string?)problem["code"]);

        using var deactivate = platform.Request(HttpMethod.Post, $"api/v1/accounts/{id}/deactivate", PlatformFixture.OtherApiKey);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.SendAsync(deactivate)).Status);

        using var list = platform.Request(HttpMethod.Get, "api/v1/accounts?limit=100", PlatformFixture.OtherApiKey);
        Assert.DoesNotContain((await scenario.SendAsync(list)).Body["data"]!.AsArray(), a => (string?)a!["id"] == id);

        using var mine = platform.Request(HttpMethod.Get, $"api/v1/accounts/{id}");
        Assert.Equal("active", (string?)(await scenario.SendAsync(mine)).Body["status"]);
    }

    [Fact]
    public async Task DeactivatedAccount_CannotReceiveNewSplits()
    {
        var id = await scenario.CreateAccountAsync();

        using var deactivate = platform.Request(HttpMethod.Post, $"api/v1/accounts/{id}/deactivate");
        var (status, account, _) = await scenario.SendAsync(deactivate);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("inactive", (string?)account["status"]);
        Assert.NotNull(account["deactivated_at"]);
        using var again = platform.Request(HttpMethod.Post, $"api/v1/accounts/{id}/deactivate");
        Assert.Equal((string?)account["deactivated_at"], (string?)(await scenario.SendAsync(again)).Body["deactivated_at"]);

        using var pay = platform.Request(
            HttpMethod.Post, "api/v1/payments", json: Scenario.PaymentBody(Scenario.NewOrderId(), extra: $$""","split":{"recipients":[{"account":"{{id}}","basis_points":100}]}"""));
        var (payStatus, problem, _) = await scenario.SendAsync(pay);
        Assert.Equal(HttpStatusCode.BadRequest, payStatus);
        Assert.Equal("account_inactive", (string?)problem["code"]);
        Assert.Equal("split.recipients[0].account", (string?)problem["param"]);
    }
}
