using System.Net;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// A split may pay only the paying merchant's own active connected accounts. Before, any non-blank
/// string was a recipient: another merchant's id, an id nobody issued, or one with characters
/// Tables refuses in keys, so money could be routed to any payable account.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SplitRecipientTests(PlatformFixture platform)
{
    private readonly Scenario scenario = new(platform);

    [Theory]
    [InlineData(PlatformFixture.OtherMerchantId, "parameter_invalid")]
    [InlineData("acct_000000000000000000000000", "account_missing")]
    [InlineData("acct_courier/../mch_it_other", "parameter_invalid")]
    [InlineData("acct_courier", "parameter_invalid")]
    [InlineData("ACCT_000000000000000000000000", "parameter_invalid")]
    public async Task Split_ToAnythingButTheMerchantsOwnAccount_IsRejectedAndCreatesNothing(string account, string code)
    {
        var (status, problem) = await CreateWithRecipientAsync(account, PlatformFixture.DemoApiKey);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal("split.recipients[1].account", (string?)problem["param"]);
    }

    [Fact]
    public async Task Split_ToAnotherMerchantsAccount_AnswersExactlyAsForAnUnknownId()
    {
        var theirs = await scenario.CreateAccountAsync(PlatformFixture.OtherApiKey);
        const string unknown = "acct_000000000000000000000000";

        var (status, problem) = await CreateWithRecipientAsync(theirs, PlatformFixture.DemoApiKey);
        var (_, unknownProblem) = await CreateWithRecipientAsync(unknown, PlatformFixture.DemoApiKey);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("account_missing", (string?)problem["code"]);
        Assert.Equal(unknownProblem.ToJsonString().Replace(unknown, "ID", StringComparison.Ordinal), problem.ToJsonString().Replace(theirs, "ID", StringComparison.Ordinal));
    }

    /// <summary>The first recipient is the merchant's own and valid, so only the second one is at fault.</summary>
    private async Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonObject Problem)> CreateWithRecipientAsync(string account, string apiKey)
    {
        var own = await scenario.CreateAccountAsync(apiKey);
        var orderId = Scenario.NewOrderId();
        var json = Scenario.PaymentBody(
            orderId, extra: $$""","split":{"recipients":[{"account":"{{own}}","basis_points":100},{"account":"{{account}}","basis_points":100}]}""");
        var paymentsBefore = await CountAsync(TableNames.Payments);
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", apiKey, json);
        request.Headers.Add("Idempotency-Key", "split-" + Guid.NewGuid().ToString("N"));

        var (status, problem, response) = await scenario.SendAsync(request);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(paymentsBefore, await CountAsync(TableNames.Payments));
        return (status, problem);
    }

    private async Task<int> CountAsync(string table)
    {
        var count = 0;
        await foreach (var _ in platform.Storage.Tables.GetTableClient(table).QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
