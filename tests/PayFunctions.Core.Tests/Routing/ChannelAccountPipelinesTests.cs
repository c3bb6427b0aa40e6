using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Routing;
using PayFunctions.Domain.Routing;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace PayFunctions.Core.Tests.Routing;

public sealed class ChannelAccountPipelinesTests
{
    private static readonly ChannelAccountId Account = new("test_channel", "main");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly ChannelHealth health;
    private readonly ChannelAccountPipelines pipelines;
    private int attempts;

    public ChannelAccountPipelinesTests()
    {
        health = new ChannelHealth(time);
        pipelines = Pipelines(new ChannelResilienceOptions { RetryDelay = TimeSpan.Zero });
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_the_same_call_and_each_attempt_is_recorded()
    {
        var result = await pipelines.ExecuteAsync(Account, "prepay", FailingAsync(2, Transient), CancellationToken.None);

        Assert.Equal("ok", result);
        Assert.Equal(3, attempts);
        var got = health.Get(Account);
        Assert.Equal(2, got.Errors.Transient);
        Assert.Equal(1, got.Success.Successes, 6);
    }

    [Fact]
    public async Task A_network_failure_is_retried_until_the_retries_run_out()
    {
        await Assert.ThrowsAsync<HttpRequestException>(async () =>
            await pipelines.ExecuteAsync(Account, "query", FailingAsync(5, () => new HttpRequestException("reset")), CancellationToken.None));

        Assert.Equal(3, attempts);
        Assert.Equal(3, health.Get(Account).Errors.Transient);
    }

    [Fact]
    public async Task A_refusal_is_not_retried_and_never_opens_the_circuit()
    {
        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<ChannelException>(async () =>
                await pipelines.ExecuteAsync(Account, "prepay", FailingAsync(1, Declined), CancellationToken.None));
            attempts = 0;
        }

        Assert.False(pipelines.IsCircuitOpen(Account));
        var got = health.Get(Account);
        Assert.Equal(20, got.Errors.Declined);
        Assert.Equal(0, got.Success.Failures);
        Assert.Equal("ok", await pipelines.ExecuteAsync(Account, "prepay", FailingAsync(0, Transient), CancellationToken.None));
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_and_a_probe_after_the_break_closes_it()
    {
        // Three calls of three attempts each: the eighth failed attempt opens the circuit.
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(async () =>
                await pipelines.ExecuteAsync(Account, "prepay", FailingAsync(int.MaxValue, Transient), CancellationToken.None));
        }

        Assert.True(pipelines.IsCircuitOpen(Account));
        Assert.True(health.Get(Account).CircuitOpen);
        attempts = 0;
        await Assert.ThrowsAsync<BrokenCircuitException>(async () =>
            await pipelines.ExecuteAsync(Account, "prepay", FailingAsync(0, Transient), CancellationToken.None));
        Assert.Equal(0, attempts);
        Assert.True(health.Get(Account).Errors.CircuitOpen >= 1);

        time.Advance(TimeSpan.FromSeconds(31));
        Assert.False(pipelines.IsCircuitOpen(Account));
        Assert.False(health.Get(Account).CircuitOpen);
        Assert.Equal("ok", await pipelines.ExecuteAsync(Account, "prepay", FailingAsync(0, Transient), CancellationToken.None));
        Assert.Equal("ok", await pipelines.ExecuteAsync(Account, "prepay", FailingAsync(0, Transient), CancellationToken.None));
        Assert.False(pipelines.IsCircuitOpen(Account));
    }

    [Fact]
    public async Task A_failed_probe_opens_the_circuit_again()
    {
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(async () =>
                await pipelines.ExecuteAsync(Account, "prepay", FailingAsync(int.MaxValue, Transient), CancellationToken.None));
        }

        time.Advance(TimeSpan.FromSeconds(31));
        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await pipelines.ExecuteAsync(Account, "prepay", FailingAsync(int.MaxValue, Transient), CancellationToken.None));

        Assert.True(pipelines.IsCircuitOpen(Account));
    }

    [Fact]
    public async Task Failures_of_one_account_leave_another_alone()
    {
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(async () =>
                await pipelines.ExecuteAsync(Account, "prepay", FailingAsync(int.MaxValue, Transient), CancellationToken.None));
        }

        var other = Account with { Account = "backup" };
        Assert.False(pipelines.IsCircuitOpen(other));
        Assert.Equal("ok", await pipelines.ExecuteAsync(other, "prepay", FailingAsync(0, Transient), CancellationToken.None));
    }

    [Fact]
    public async Task An_attempt_past_its_timeout_is_rejected_and_recorded_as_timed_out()
    {
        var noRetries = Pipelines(new ChannelResilienceOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(10) });

        var call = noRetries.ExecuteAsync(Account, "prepay", async ct =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
            return "never";
        }, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => call);
        var got = health.Get(Account);
        Assert.Equal(1, got.Errors.TimedOut);
        Assert.True(got.LatencyP50 is null && got.Success.Failures > 0.99);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_a_channel_failure()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await pipelines.ExecuteAsync(Account, "prepay", ct => { ct.ThrowIfCancellationRequested(); return ValueTask.FromResult("ok"); }, cancel.Token));

        Assert.Equal(0, health.Get(Account).Success.Failures);
    }

    [Fact]
    public void The_default_numbers_are_valid_and_nonsense_is_not()
    {
        Assert.True(new ChannelResilienceOptions().IsValid());
        Assert.False(new ChannelResilienceOptions { FailureRatio = 0 }.IsValid());
        Assert.False(new ChannelResilienceOptions { MinimumThroughput = 1 }.IsValid());
        Assert.False(new ChannelResilienceOptions { MaxRetries = 10 }.IsValid());
        Assert.False(new ChannelResilienceOptions { AttemptTimeout = TimeSpan.Zero }.IsValid());
    }

    [Fact]
    public async Task Every_attempt_retries_included_waits_for_a_permit_of_the_accounts_throttle()
    {
        var throttle = Throttle(("MaxConcurrency", "1"));
        var limited = Pipelines(new ChannelResilienceOptions { RetryDelay = TimeSpan.Zero }, throttle);
        Assert.True(throttle.TryAcquire(Account, out var held));

        var call = limited.ExecuteAsync(Account, "refund", FailingAsync(1, Transient), CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(call.IsCompleted);
        Assert.Equal(0, attempts);

        held.Dispose();
        Assert.Equal("ok", await call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, attempts);
        Assert.True(throttle.TryAcquire(Account, out var free), "Both attempts gave their permits back.");
        free.Dispose();
    }

    [Fact]
    public async Task A_permit_the_caller_holds_serves_the_first_attempt_and_is_given_back_even_when_no_attempt_runs()
    {
        var throttle = Throttle(("MaxConcurrency", "1"));
        var limited = Pipelines(new ChannelResilienceOptions { RetryDelay = TimeSpan.Zero }, throttle);
        Assert.True(throttle.TryAcquire(Account, out var first));

        Assert.Equal("ok", await limited.ExecuteAsync(Account, "prepay", FailingAsync(0, Transient), first, CancellationToken.None));
        Assert.True(throttle.TryAcquire(Account, out var second));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await limited.ExecuteAsync(Account, "prepay", FailingAsync(0, Transient), second, cancelled.Token));
        Assert.True(throttle.TryAcquire(Account, out var third), "The unused permit was given back.");
        third.Dispose();
    }

    private static ChannelException Transient() => new("busy", "SYSTEM_ERROR", 503, isTransient: true);

    private static ChannelException Declined() => new("refused", "PARAM_ERROR", 400, isTransient: false);

    private ChannelAccountPipelines Pipelines(ChannelResilienceOptions options, ChannelAccountThrottle? throttle = null) =>
        new(health, throttle ?? Throttle(), Options.Create(options), time, NullLogger<ChannelAccountPipelines>.Instance);

    /// <summary>The throttle of <see cref="Account"/> with <paramref name="settings"/>; unlimited without any.</summary>
    private ChannelAccountThrottle Throttle(params (string Setting, string Value)[] settings) => new(
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Channels:{Account.Channel}:Accounts:{Account.Account}:{s.Setting}", s.Value)))
            .Build(),
        Options.Create(new ChannelWorkOptions()),
        time);

    /// <summary>A call whose first <paramref name="failures"/> attempts throw, then answer "ok".</summary>
    private Func<CancellationToken, ValueTask<string>> FailingAsync(int failures, Func<Exception> failure) => _ =>
    {
        attempts++;
        return attempts <= failures ? ValueTask.FromException<string>(failure()) : ValueTask.FromResult("ok");
    };
}
