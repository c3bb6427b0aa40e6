using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Telemetry;
using PayFunctions.Domain.Routing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PayFunctions.Core.Routing;

/// <summary>
/// One resilience pipeline per channel account, built on first use: retries of transient failures around a circuit
/// breaker around the account's throttle around a timeout per attempt (<see cref="ChannelResilienceOptions"/>). Every
/// attempt holds a permit of <see cref="ChannelAccountThrottle"/> while it runs, so retries count against the account's
/// limits too, and waiting for a permit never eats into an attempt's timeout. Every attempt is recorded in
/// <see cref="ChannelHealth"/>. A channel's own refusal (<see cref="ChannelException.IsTransient"/> false) is an
/// answer: it passes through unretried and counts as a success for the breaker. An open circuit throws
/// <see cref="BrokenCircuitException"/>, taking no permit; a timed-out attempt surfaces as <see cref="TimeoutRejectedException"/>.
/// </summary>
public sealed partial class ChannelAccountPipelines(
    ChannelHealth health,
    ChannelAccountThrottle throttle,
    IOptions<ChannelResilienceOptions> options,
    TimeProvider time,
    ILogger<ChannelAccountPipelines> logger)
{
    private readonly ConcurrentDictionary<ChannelAccountId, Lazy<AccountPipeline>> pipelines = new();

    /// <summary>
    /// Runs <paramref name="call"/> against <paramref name="account"/> through its pipeline, each attempt waiting for a
    /// permit of the account's throttle first. <paramref name="call"/> may run more than once, so it must be idempotent
    /// at the channel (the same order number or request id each time).
    /// </summary>
    public ValueTask<T> ExecuteAsync<T>(
        ChannelAccountId account, string operation, Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken) =>
        ExecuteAsync(account, operation, call, firstPermit: null, cancellationToken);

    /// <summary>
    /// As <see cref="ExecuteAsync{T}(ChannelAccountId, string, Func{CancellationToken, ValueTask{T}}, CancellationToken)"/>,
    /// with a permit the caller already holds serving the first attempt. The permit is released however the call ends,
    /// also when no attempt was made.
    /// </summary>
    public async ValueTask<T> ExecuteAsync<T>(
        ChannelAccountId account, string operation, Func<CancellationToken, ValueTask<T>> call, IDisposable? firstPermit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var unused = new StrongBox<IDisposable?>(firstPermit);
        using var span = StartSpan(account, operation);
        var pipeline = For(account);
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            return await pipeline.Pipeline.ExecuteAsync(
                static (context, state) => state.Self.PermittedAttemptAsync(state.Pipeline, state.Account, state.Unused, state.Call, context.CancellationToken),
                context,
                (Self: this, Pipeline: pipeline, Account: account, Unused: unused, Call: call));
        }
        catch (BrokenCircuitException)
        {
            health.Record(account, ChannelCallResult.CircuitOpen, TimeSpan.Zero);
            span?.SetStatus(ActivityStatusCode.Error, nameof(ChannelCallResult.CircuitOpen));
            throw;
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            Interlocked.Exchange(ref unused.Value, null)?.Dispose();
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

    /// <summary>One attempt: a permit (the caller's for the first, if it gave one), held until the attempt ended.</summary>
    private async ValueTask<T> PermittedAttemptAsync<T>(
        AccountPipeline pipeline, ChannelAccountId account, StrongBox<IDisposable?> unused, Func<CancellationToken, ValueTask<T>> call, CancellationToken callerToken)
    {
        using var permit = Interlocked.Exchange(ref unused.Value, null) ?? await throttle.AcquireAsync(account, callerToken);
        return await pipeline.Attempt.ExecuteAsync(
            static (state, attemptToken) => state.Self.AttemptAsync(state.Account, state.Call, attemptToken, state.CallerToken),
            (Self: this, Account: account, Call: call, CallerToken: callerToken),
            callerToken);
    }

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

    /// <summary>
    /// The whole call, permits, retries and backoff included: time the platform spends at or waiting for the channel.
    /// Tagged with what identifies the account and the operation only, never with the payment, the payer or a secret.
    /// </summary>
    private static Activity? StartSpan(ChannelAccountId account, string operation) =>
        PayFunctionsTelemetry.Source.StartActivity(
            PayFunctionsTelemetry.ChannelCallSpan,
            ActivityKind.Internal,
            parentContext: default,
            tags: [new("channel", account.Channel), new("account", account.Account), new("operation", operation)]);

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
            Attempt = new ResiliencePipelineBuilder { TimeProvider = time, Name = "channel-account-attempt", InstanceName = account.ToString() }
                .AddTimeout(o.AttemptTimeout)
                .Build();
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
                .Build();
        }

        /// <summary>Retries around the circuit breaker: what a call runs through.</summary>
        public ResiliencePipeline Pipeline { get; }

        /// <summary>The timeout of one attempt, inside the permit it holds.</summary>
        public ResiliencePipeline Attempt { get; }

        /// <summary>When the open circuit lets a probe through; past or minimum when closed or half-open.</summary>
        public DateTimeOffset OpenUntil => new(Interlocked.Read(ref openUntilTicks), TimeSpan.Zero);

        private void SetOpenUntil(ChannelHealth health, ChannelAccountId account, DateTimeOffset? until)
        {
            Interlocked.Exchange(ref openUntilTicks, until?.UtcTicks ?? 0);
            health.RecordCircuit(account, until);
        }
    }
}
