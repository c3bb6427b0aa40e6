using System.Net;
using System.Text.Json.Nodes;
using PayFunctions.Channels;

namespace PayFunctions.IntegrationTests.Channels;

/// <summary>A merchant closing a channel's unpaid payments, and closing one the payer paid without the channel telling.</summary>
public sealed class CloseFlow(PlatformFixture platform, ChannelFlow flow)
{
    /// <summary>The channel's online methods when it can close an unpaid order; none when it cannot.</summary>
    public static TheoryData<string> ClosableMethods(string channel) =>
        ChannelCatalog.All.Single(m => m.Capabilities.Name == channel).Capabilities.Supports(ChannelOperations.Close)
            ? ChannelFlow.OnlineMethods(channel)
            : [];

    /// <summary>
    /// Closed at the channel (after <paramref name="payerArrives"/>, given the created payment, took the payer as far as
    /// paying): the payer can no longer pay, the merchant hears of it, no money moved.
    /// </summary>
    public async Task AssertClosedUnpaidAsync(string method, Func<JsonObject, Task>? payerArrives = null)
    {
        var created = await flow.CreateAsync(ChannelFlow.Body(flow.Method(method)));
        var id = (string)created["id"]!;
        if (payerArrives is not null)
        {
            await payerArrives(created);
        }

        var (status, body) = await CloseAsync(id);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("closed", (string?)body["status"]);
        Assert.Equal(HttpStatusCode.Conflict, await flow.PayAsync(id));
        await flow.WaitForWebhookAsync(id, "payment.closed");
        Assert.Empty(await flow.Scenario.LedgerEntriesForAsync(id));
        await flow.Scenario.AssertLedgerInvariantAsync();
    }

    /// <summary>
    /// The payer paid and the channel's notification never came: the merchant's close is refused by the channel because
    /// the order is paid, and the platform's query of the order turns the payment into the success it is.
    /// </summary>
    public async Task AssertClosingAPaidOrderFindsItByQueryAsync(string method)
    {
        var id = await flow.StartPaidSilentlyAsync(method);
        var (status, body) = await CloseAsync(id);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("succeeded", (string?)body["status"]);
        await flow.AssertFoundByQueryAsync(id);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> CloseAsync(string id)
    {
        using var close = platform.Request(HttpMethod.Post, $"api/v1/payments/{id}/close");
        var (status, body, _) = await flow.Scenario.SendAsync(close);
        return (status, body);
    }
}
