using System.Globalization;
using System.Text.Json.Nodes;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// A second LocalHost on the suite's storage and sandbox whose WeChat Pay account is held to a rate limit, and the
/// sandbox's count of the calls that reached the channel: what a test of the channel queues measures.
/// </summary>
public abstract class RateLimitedHost(PlatformFixture platform, string taskHub, int ratePerSecond) : IAsyncLifetime
{
    private ManagedProcess? host;
    private HttpClient? api;

    protected PlatformFixture Platform => platform;

    protected HttpClient Api => api ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() =>
        (host, api) = await platform.StartExtraHostAsync(taskHub, new Dictionary<string, string>
        {
            ["Channels__WeChatPay__Accounts__main__RatePerSecond"] = ratePerSecond.ToString(CultureInfo.InvariantCulture),
        });

    public Task DisposeAsync()
    {
        api?.Dispose();
        host?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Makes the sandbox forget the calls it counted so far.</summary>
    protected async Task ForgetChannelCallsAsync()
    {
        using var reset = new HttpRequestMessage(HttpMethod.Delete, "sandbox/request_rate");
        (await platform.Sandbox.SendAsync(reset)).EnsureSuccessStatusCode();
    }

    /// <summary>The calls under <paramref name="path"/> that reached the channel, and the most of them in any one-second window.</summary>
    protected async Task<(int Calls, int MaxPerSecond)> MeasuredAtTheChannelAsync(string path)
    {
        var report = JsonNode.Parse(await platform.Sandbox.GetStringAsync($"sandbox/request_rate?prefix={path}"))!;
        return (report["calls"]!.GetValue<int>(), report["max_per_second"]!.GetValue<int>());
    }
}
