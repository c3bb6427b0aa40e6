using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Operators;
using PayFunctions.Core.Storage;

namespace PayFunctions.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class MerchantOnboardingTests(PlatformFixture platform)
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task CreateMerchant_ReturnsCredentialsOnce_WhoseTestKeyWorksForPayments()
    {
        var key = "onboard-" + Guid.NewGuid().ToString("N");
        var (status, merchant, _) = await scenario.SendAsync(AdminCreate("""{"name":"Noodle Bar","webhook_url":"https://example.test/hooks","fee_basis_points":38}""", key));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.StartsWith("sk_live_", (string?)merchant["api_key"], StringComparison.Ordinal);
        var apiKey = (string)merchant["test_api_key"]!;
        Assert.StartsWith("sk_test_", apiKey, StringComparison.Ordinal);
        Assert.StartsWith("whsec_", (string?)merchant["webhook_secret"], StringComparison.Ordinal);
        Assert.Equal(38, (int?)merchant["fee_basis_points"]);

        Assert.False((bool)merchant["secrets_redacted"]!);

        using var create = platform.Request(HttpMethod.Post, "api/v1/payments", apiKey, Scenario.PaymentBody(Scenario.NewOrderId()));
        var (paymentStatus, payment, _) = await scenario.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, paymentStatus);
        Assert.False((bool)payment["livemode"]!);
        using var other = platform.Request(HttpMethod.Get, $"api/v1/payments/{payment["id"]}");
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.SendAsync(other)).Status);
    }

    /// <summary>
    /// Before, the idempotency row kept the whole first answer, API key and webhook secret included,
    /// in plain text, and every replay showed them again.
    /// </summary>
    [Fact]
    public async Task CreateMerchant_Replayed_AnswersWithoutSecrets_AndNoTableHoldsThemInPlainText()
    {
        var key = "onboard-" + Guid.NewGuid().ToString("N");
        const string body = """{"name":"Dumpling House","webhook_url":"https://example.test/dumplings"}""";
        var (_, merchant, _) = await scenario.SendAsync(AdminCreate(body, key));
        var (apiKey, testApiKey, webhookSecret, id) = ((string)merchant["api_key"]!, (string)merchant["test_api_key"]!, (string)merchant["webhook_secret"]!, (string)merchant["id"]!);

        var (status, replay, response) = await scenario.SendAsync(AdminCreate(body, key));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("true", response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(id, (string?)replay["id"]);
        Assert.Equal("Dumpling House", (string?)replay["name"]);
        Assert.Null(replay["api_key"]);
        Assert.Null(replay["test_api_key"]);
        Assert.Null(replay["webhook_secret"]);
        Assert.True((bool)replay["secrets_redacted"]!);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(apiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(testApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(webhookSecret, text, StringComparison.Ordinal);

        var stored = (await platform.Storage.Tables.GetTableClient(TableNames.Idempotency).GetEntityAsync<TableEntity>(OperatorStore.BootstrapOperatorId, TableKeys.HashOf(key))).Value;
        var rows = new List<TableEntity> { stored };
        foreach (var table in new[] { TableNames.Merchants, TableNames.ApiKeys })
        {
            await foreach (var row in platform.Storage.Tables.GetTableClient(table).QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }
        }

        var secretParts = new[] { apiKey, apiKey["sk_live_".Length..], testApiKey["sk_test_".Length..], webhookSecret, webhookSecret["whsec_".Length..] };
        Assert.All(rows.SelectMany(r => ((IDictionary<string, object>)r).Values.Append(r.PartitionKey).Append(r.RowKey)), value =>
            Assert.DoesNotContain(secretParts, part => (value?.ToString() ?? "").Contains(part, StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.PartitionKey == id && r.RowKey == MerchantEntity.Row);
        Assert.Contains(rows, r => r.PartitionKey == MerchantEntity.TestTwinId(id) && r.RowKey == MerchantEntity.Row && r.GetBoolean("TestMode") == true);
    }

    [Theory]
    [InlineData("{}", "name")]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"x","webhook_url":"ftp://files"}""", "webhook_url")]
    [InlineData("""{"name":"x","webhook_url":"not a url"}""", "webhook_url")]
    [InlineData("""{"name":"x","webhook_url":"http://169.254.169.254/latest/meta-data/"}""", "webhook_url")]
    [InlineData("""{"name":"x","webhook_url":"http://[::ffff:a9fe:a9fe]/"}""", "webhook_url")]
    [InlineData("""{"name":"x","fee_basis_points":10001}""", "fee_basis_points")]
    [InlineData("""{"name":"x","fee_basis_points":"60"}""", "fee_basis_points")]
    public async Task CreateMerchant_WithBadBody_Answers400(string body, string param)
    {
        var (status, problem, _) = await scenario.SendAsync(AdminCreate(body, idempotencyKey: null));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(param, (string?)problem["param"]);
    }

    private static HttpRequestMessage AdminCreate(string json, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/ops/merchants")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PlatformFixture.OperatorKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }
}
