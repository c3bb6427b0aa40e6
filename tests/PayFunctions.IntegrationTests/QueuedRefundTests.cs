using System.Net;
using Xunit.Abstractions;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// Refunds asked for all at once at a channel account with a rate limit, through LocalHost with the channel queues on
/// Azurite: each refund's call waits on the queue for the account's permit, so the channel never sees more than the
/// limit in any second, as measured where the calls arrive, and every refund still succeeds.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class QueuedRefundTests(PlatformFixture platform, ITestOutputHelper output) : RateLimitedHost(platform, "refundrate", RatePerSecond)
{
    private const int RatePerSecond = 2;
    private const int Refunds = 4 * RatePerSecond;
    private const string RefundPath = "/v3/refund/domestic/refunds";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RefundsAtARateLimitedAccount_AllSucceed_AndNeverExceedTheLimitAtTheChannel()
    {
        var scenario = new Scenario(Platform, Api);
        var paid = new List<string>();
        foreach (var _ in Enumerable.Range(0, Refunds))
        {
            var id = (string)(await scenario.CreatePaymentAsync())["id"]!;
            Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(id));
            paid.Add(id);
        }

        foreach (var id in paid)
        {
            await scenario.WaitForStatusAsync(id, "succeeded", Within);
        }

        await ForgetChannelCallsAsync();

        var created = await Task.WhenAll(paid.Select(id => scenario.CreateRefundAsync(id, """{"amount":100}""", "queued-refund-" + id)));
        Assert.All(created, c => Assert.True(c.Status == HttpStatusCode.Created, $"refund answered {c.Status}: {c.Body}"));
        foreach (var (_, refund) in created)
        {
            await scenario.WaitForRefundAsync((string)refund["id"]!, "succeeded", Within);
        }

        var (calls, maxPerSecond) = await MeasuredAtTheChannelAsync(RefundPath);
        output.WriteLine($"{Refunds} refunds asked for at once; the channel saw {calls} refund calls, at most {maxPerSecond} in any 1 s window (limit {RatePerSecond})");
        Assert.True(calls >= Refunds, $"the channel saw {calls} refund calls for {Refunds} refunds");
        Assert.InRange(maxPerSecond, 1, RatePerSecond);
    }
}
