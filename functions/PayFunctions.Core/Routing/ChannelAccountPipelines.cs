using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Domain.Routing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PayFunctions.Core.Routing;

/// <summary>
/// One resilience pipeline per channel account, built on first use: retries of transient failures around a circuit
/// breaker around a timeout per attempt (<see cref="ChannelResilienceOptions"/>). Every attempt is recorded in
/// <see cref="ChannelHealth"/>. A channel's own refusal (<see cref="ChannelException.IsTransient"/> false) is an
/// answer: it passes through unretried and counts as a success for the breaker. An open circuit throws
/// <see cref="BrokenCircuitException"/>; a timed-out attempt surfaces as <see cref="TimeoutRejectedException"/>.
/// </summary>
public sealed partial class ChannelAccountPipelines(
    ChannelHealth health, IOptions<ChannelResilienceOptions> options, TimeProvider time, ILogger<ChannelAccountPipelines> logger)
{
    private readonly ConcurrentDictionary<ChannelAccountId, Lazy<AccountPipeline>> pipelines = new();

    /// <summary>
    /// Runs <paramref name="call"/> against <paramref name="account"/> through its pipeline. <paramref name="call"/> may
    /// run more than once, so it must be idempotent at the channel (the same order number or request id each time).
    /// </summary>
    public async ValueTask<T> ExecuteAsync<T>(
        ChannelAccountId account, string operation, Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var pipeline = For(account);
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            return await pipeline.Pipeline.ExecuteAsync(
                static (context, state) => state.Self.AttemptAsync(state.Account, state.Call, context.CancellationToken, state.CancellationToken),
                context,
                (Self: this, Account: account, Call: call, CancellationToken: cancellationToken));
        }
        catch (BrokenCircuitException)
        {
            health.Record(account, ChannelCallResult.CircuitOpen, TimeSpan.Zero);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>This instance's breaker for the account is open and its break has not ended: a call would fail at once.</summary>
    public bool IsCircuitOpen(ChannelAccountId account) =>
        pipelines.TryGetValue(account, out var lazy) && lazy.IsValueCreated && lazy.Value.OpenUntil > time.GetUtcNow();

    /// <summary>Whether a retry may succeed where the attempt failed, and whether the failure counts against the account.</summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        ChannelException channel => channel.IsTransient,
        HttpRequestException or TimeoutRejectedException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    private async ValueTask<T> AttemptAsync<T>(
        ChannelAccountId account, Func<CancellationToken, ValueTask<T>> call, CancellationToken attemptToken, CancellationToken callerToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var result = await call(attemptToken);
            health.Record(account, ChannelCallResult.Succeeded, time.GetElapsedTime(started));
            return result;
        }
        catch (ChannelException e) when (!e.IsTransient)
        {
            health.Record(account, ChannelCallResult.Declined, time.GetElapsedTime(started));
            throw;
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            health.Record(account, ChannelCallResult.TimedOut, time.GetElapsedTime(started));
            throw;
        }
        catch (Exception e) when (IsTransient(e))
        {
            health.Record(account, ChannelCallResult.Transient, time.GetElapsedTime(started));
            throw;
        }
    }

    private AccountPipeline For(ChannelAccountId account) =>
        pipelines.GetOrAdd(account, a => new Lazy<AccountPipeline>(() => new AccountPipeline(options.Value, a, health, time, logger))).Value;

    [LoggerMessage(EventId = 8202, Level = LogLevel.Warning, Message = "Circuit of channel account {Account} opened for {BreakDuration}")]
    private static partial void LogOpened(ILogger logger, string account, TimeSpan breakDuration);

    [LoggerMessage(EventId = 8203, Level = LogLevel.Information, Message = "Circuit of channel account {Account} closed")]
    private static partial void LogClosed(ILogger logger, string account);

    private sealed class AccountPipeline
    {
        private long openUntilTicks;

        public AccountPipeline(ChannelResilienceOptions o, ChannelAccountId account, ChannelHealth health, TimeProvider time, ILogger logger)
        {
            var builder = new ResiliencePipelineBuilder { TimeProvider = time, Name = "channel-account", InstanceName = account.ToString() };
            if (o.MaxRetries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                    MaxRetryAttempts = o.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = o.RetryDelay,
                });
            }

            Pipeline = builder
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                    FailureRatio = o.FailureRatio,
                    SamplingDuration = o.SamplingDuration,
                    MinimumThroughput = o.MinimumThroughput,
                    BreakDuration = o.BreakDuration,
                    OnOpened = args =>
                    {
                        var until = time.GetUtcNow() + args.BreakDuration;
                        SetOpenUntil(health, account, until);
                        LogOpened(logger, account.ToString(), args.BreakDuration);
                        return default;
                    },
                    OnHalfOpened = _ =>
                    {
                        SetOpenUntil(health, account, null);
                        return default;
                    },
                    OnClosed = _ =>
                    {
                        SetOpenUntil(health, account, null);
                        LogClosed(logger, account.ToString());
                        return default;
                    },
                })
                .AddTimeout(o.AttemptTimeout)
                .Build();
        }

        public ResiliencePipeline Pipeline { get; }

        /// <summary>When the open circuit lets a probe through; past or minimum when closed or half-open.</summary>
        public DateTimeOffset OpenUntil => new(Interlocked.Read(ref openUntilTicks), TimeSpan.Zero);

        private void SetOpenUntil(ChannelHealth health, ChannelAccountId account, DateTimeOffset? until)
        {
            Interlocked.Exchange(ref openUntilTicks, until?.UtcTicks ?? 0);
            health.RecordCircuit(account, until);
        }
    }
}
