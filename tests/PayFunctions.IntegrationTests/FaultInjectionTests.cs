using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using PayFunctions.Domain;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// Payments created, paid, notified twice over and closed while the host is killed (SIGKILL) and
/// restarted again and again. Afterwards the platform and the channel must agree on every payment,
/// the ledger must hold one capture per success and every webhook event id one body. Azurite itself
/// is never killed: it acknowledges writes before persisting them, which real Azure Storage does not.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FaultInjectionTests(PlatformFixture platform)
{
    private const int Payments = 15;
    private const int Crashes = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private static readonly string[] EndStatuses = ["succeeded", "failed", "expired", "closed"];

    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task HostKilledRepeatedlyUnderLoad_EveryPaymentEndsOnceAndTheMoneyAgrees()
    {
        using var patience = new CancellationTokenSource(Patience);
        var run = Guid.NewGuid().ToString("N")[..8];
        using var lanes = new SemaphoreSlim(5);

        var crashes = CrashRepeatedlyAsync(patience.Token);
        var ids = await Task.WhenAll(Enumerable.Range(0, Payments).Select(async i =>
        {
            await lanes.WaitAsync(patience.Token);
            try
            {
                return await DriveAsync($"chaos-{run}-{i}", i % 3, patience.Token);
            }
            finally
            {
                lanes.Release();
            }
        }));
        await crashes;

        // Whatever is still open is closed, as a merchant would; then every payment must end.
        var ended = await Task.WhenAll(ids.Select(id => EndAsync(id, patience.Token)));

        var ledger = await LedgerSnapshot.ReadJournalAsync(platform.Storage);
        foreach (var payment in ended)
        {
            var id = (string)payment["id"]!;
            var status = (string)payment["status"]!;
            var atChannel = await ChannelStateAsync(id);

            Assert.True(
                (status == "succeeded") == (atChannel == "SUCCESS"),
                $"{id} is {status} here and {atChannel} at the channel.\n{platform.HostLogTail()}");
            Assert.Equal(status == "succeeded" ? 1 : 0, ledger.Count(e => e.Reference == id && e.Kind == Postings.PaymentCapturedKind));
            Assert.DoesNotContain(ledger, e => e.Reference == id && e.Kind == Postings.LatePaymentKind);
            await AssertOneEventPerOutcomeAsync(id, status, patience.Token);
        }

        await scenario.AssertLedgerInvariantAsync();
    }

    /// <summary>One merchant and customer: create (retrying through crashes), then pay, pay and close at once, or leave it.</summary>
    private async Task<string> DriveAsync(string idempotencyKey, int script, CancellationToken cancellationToken)
    {
        var body = Scenario.PaymentBody(Scenario.NewOrderId(), amount: 1000 + script);
        var created = await RetryAsync(
            () => platform.Request(HttpMethod.Post, "api/v1/payments", json: body),
            (status, _) => status == HttpStatusCode.Created,
            withKey: idempotencyKey,
            cancellationToken);
        var id = (string)created["id"]!;

        // A replayed create answers what the first attempt stored; GET shows the code once the prepay wrote it.
        await RetryAsync(
            () => platform.Request(HttpMethod.Get, $"api/v1/payments/{id}"),
            (status, payment) => status == HttpStatusCode.OK && (payment["next_action"] is not null || EndStatuses.Contains((string?)payment["status"])),
            withKey: null,
            cancellationToken);

        switch (script)
        {
            case 0:
                Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id));
                Assert.Equal(HttpStatusCode.Accepted, await scenario.SandboxPostAsync($"sandbox/wechat_pay/orders/{id}/notifications/resend", """{"times":3,"concurrent":true}"""));
                break;
            case 1:
                // The customer pays while the merchant closes: exactly one of them wins at the channel.
                await Task.WhenAll(CloseAsync(id, cancellationToken), scenario.PayAsync(id));
                break;
        }

        return id;
    }

    private async Task CrashRepeatedlyAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < Crashes; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1500 + Random.Shared.Next(2000)), cancellationToken);
            platform.Host!.Kill();
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1000)), cancellationToken);
            await platform.RestartHostAsync();
        }
    }

    private async Task<JsonObject> EndAsync(string id, CancellationToken cancellationToken)
    {
        await CloseAsync(id, cancellationToken);
        return await RetryAsync(
            () => platform.Request(HttpMethod.Get, $"api/v1/payments/{id}"),
            (status, payment) => status == HttpStatusCode.OK && EndStatuses.Contains((string?)payment["status"]),
            withKey: null,
            cancellationToken);
    }

    private Task<JsonObject> CloseAsync(string id, CancellationToken cancellationToken) =>
        RetryAsync(
            () => platform.Request(HttpMethod.Post, $"api/v1/payments/{id}/close"),
            (status, payment) => (status == HttpStatusCode.OK && EndStatuses.Contains((string?)payment["status"]))
                || (status == HttpStatusCode.Conflict && (string?)payment["code"] == "payment_unexpected_state"),
            withKey: null,
            cancellationToken);

    /// <summary>Sends until the answer is the one wanted: the host may be down, starting, or still holding an idempotency lock.</summary>
    private async Task<JsonObject> RetryAsync(
        Func<HttpRequestMessage> request, Func<HttpStatusCode, JsonObject, bool> done, string? withKey, CancellationToken cancellationToken)
    {
        var last = "no answer";
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Gave up; last answer: {last}\n{platform.HostLogTail()}");
            }

            using var message = request();
            if (withKey is not null)
            {
                message.Headers.Add("Idempotency-Key", withKey);
            }

            try
            {
                var (status, body, response) = await scenario.SendAsync(message);
                response.Dispose();
                if (done(status, body))
                {
                    return body;
                }

                Assert.True(
                    (int)status >= 500 || status == HttpStatusCode.Conflict || status == HttpStatusCode.OK,
                    $"{message.Method} {message.RequestUri} answered {status}: {body}");
                last = $"{status} {body}";
            }
            // The host is being killed: besides refused connections (HttpRequestException), one it accepted and dropped at
            // once surfaces unwrapped from the handler, as a SocketException reading the connection's remote end point.
            catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = e.Message;
            }

            await Task.Delay(250, CancellationToken.None);
        }
    }

    private async Task<string> ChannelStateAsync(string id)
    {
        var order = JsonNode.Parse(await platform.Sandbox.GetStringAsync($"sandbox/wechat_pay/orders/{id}"))!;
        return (string)order["trade_state"]!;
    }

    /// <summary>Exactly one outcome event for the payment, of its final status, and every delivery of an event id carries the same body.</summary>
    private async Task AssertOneEventPerOutcomeAsync(string id, string status, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonObject> hooks;
        do
        {
            hooks = await scenario.WebhooksForAsync(id);
            if (hooks.Count > 0)
            {
                break;
            }

            await Task.Delay(250, cancellationToken);
        }
        while (true);

        var events = hooks.GroupBy(h => (string)h["headers"]!["webhook-id"]!).ToList();
        var only = Assert.Single(events);
        Assert.Single(only.Select(h => (string)h["body"]!).Distinct());
        Assert.Equal($"payment.{status}", (string?)JsonNode.Parse((string)only.First()["body"]!)!["type"]);
    }
}
