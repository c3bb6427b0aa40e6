using System.Net;
using PayFunctions.Core.Storage;

namespace PayFunctions.IntegrationTests;

/// <summary>A create that cannot be stored is refused before it reserves anything, and a create that fails to write keeps no hold on its order id.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PaymentCreateLimitsTests(PlatformFixture platform)
{
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task MetadataThatGrowsWhenEscaped_Answers400_AndTheOrderIdStaysUsable()
    {
        // About 26 KB on the wire and within every per-entry limit; with '<' escaped as \u003C it grows to 150K characters.
        var metadata = string.Join(",", Enumerable.Range(0, 50).Select(i => $"\"k{i:D2}\":\"{new string('<', 500)}\""));
        var orderId = Scenario.NewOrderId();
        var extra = ",\"metadata\":{" + metadata + "}";

        using var oversized = platform.Request(HttpMethod.Post, "api/v1/payments", json: Scenario.PaymentBody(orderId, extra: extra));
        var (status, problem, response) = await scenario.SendAsync(oversized);

        Assert.True(status == HttpStatusCode.BadRequest, $"{status}: {problem}\n{platform.HostLogTail()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((string?)problem["param"] == "metadata", problem.ToJsonString());

        using var retry = platform.Request(HttpMethod.Post, "api/v1/payments", json: Scenario.PaymentBody(orderId));
        var (retryStatus, payment, _) = await scenario.SendAsync(retry);
        Assert.True(retryStatus == HttpStatusCode.Created, $"{retryStatus}: {payment}");
        Assert.Equal(orderId, (string?)payment["merchant_order_id"]);
    }

    [Fact]
    public async Task CreateThatFailsAfterReserving_LeavesTheOrderIdUsable()
    {
        var orderId = Scenario.NewOrderId();
        var payments = platform.Storage.Tables.GetTableClient(TableNames.Payments);

        // With the payments table gone the transaction that writes the payment and its order id fails.
        await payments.DeleteAsync();
        (HttpStatusCode Status, System.Text.Json.Nodes.JsonObject Body, HttpResponseMessage Response) failed;
        try
        {
            using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: Scenario.PaymentBody(orderId));
            failed = await scenario.SendAsync(request);
        }
        finally
        {
            await payments.CreateIfNotExistsAsync();
        }

        Assert.True(failed.Status == HttpStatusCode.InternalServerError, $"{failed.Status}: {failed.Body}");
        Assert.Equal("internal_error", (string?)failed.Body["code"]);

        using var retry = platform.Request(HttpMethod.Post, "api/v1/payments", json: Scenario.PaymentBody(orderId));
        var (status, payment, _) = await scenario.SendAsync(retry);
        Assert.True(status == HttpStatusCode.Created, $"{status}: {payment}\n{platform.HostLogTail()}");
        Assert.Equal(orderId, (string?)payment["merchant_order_id"]);
    }
}
