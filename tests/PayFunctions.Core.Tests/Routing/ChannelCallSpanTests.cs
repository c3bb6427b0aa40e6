using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Telemetry;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Tests.Routing;

/// <summary>Every call through an account's pipeline is one <c>channel.call</c> span, whatever its attempts.</summary>
public sealed class ChannelCallSpanTests : IDisposable
{
    // An account no other test uses: the platform's source is shared, so spans are told apart by it.
    private static readonly ChannelAccountId Account = new("span_channel", "acct_" + Guid.NewGuid().ToString("N")[..8]);

    private readonly ConcurrentQueue<Activity> ended = new();
    private readonly ActivityListener listener;
    private readonly ChannelAccountPipelines pipelines;

    public ChannelCallSpanTests()
    {
        listener = new ActivityListener
        {
            // By name: comparing with PayFunctionsTelemetry.Source here would read it while its own initialiser runs, when this test is the first to touch it.
            ShouldListenTo = source => source.Name == PayFunctionsTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.GetTagItem("account") as string == Account.Account)
                {
                    ended.Enqueue(span);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var throttle = new ChannelAccountThrottle(new ConfigurationBuilder().Build(), Options.Create(new ChannelWorkOptions()), time);
        pipelines = new ChannelAccountPipelines(
            new ChannelHealth(time), throttle, Options.Create(new ChannelResilienceOptions { RetryDelay = TimeSpan.Zero }), time,
            NullLogger<ChannelAccountPipelines>.Instance);
    }

    [Fact]
    public async Task A_call_retried_is_one_span_naming_the_channel_account_and_operation()
    {
        var attempts = 0;
        await pipelines.ExecuteAsync(
            Account,
            "query",
            _ => ++attempts < 3 ? throw new ChannelException("busy", "SYSTEM_ERROR", 503, isTransient: true) : ValueTask.FromResult("ok"),
            CancellationToken.None);

        var span = Assert.Single(ended);
        Assert.Equal(PayFunctionsTelemetry.ChannelCallSpan, span.OperationName);
        Assert.Equal(
            [("account", Account.Account), ("channel", "span_channel"), ("operation", "query")],
            span.TagObjects.Select(t => (t.Key, t.Value as string)).OrderBy(t => t.Key));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_refused_call_ends_its_span_in_error()
    {
        await Assert.ThrowsAsync<ChannelException>(async () => await pipelines.ExecuteAsync<string>(
            Account, "refund", _ => throw new ChannelException("refused", "PARAM_ERROR", 400, isTransient: false), CancellationToken.None));

        var span = Assert.Single(ended);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(nameof(ChannelException), span.StatusDescription);
    }

    public void Dispose() => listener.Dispose();
}
