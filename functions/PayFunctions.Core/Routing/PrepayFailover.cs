using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Domain.Routing;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace PayFunctions.Core.Routing;

/// <summary>
/// Places an order at the first account of its route that takes it. Nobody has been shown anything yet,
/// so an account that fails, has its circuit open or is at its limit is passed over for the next; each
/// is recorded. The order number is the payment id at every account, so a retry at one account is the
/// same order, and an account that timed out holds at most an order nobody was shown, which lapses at
/// the payment's expiry.
/// </summary>
public sealed partial class PrepayFailover(
    ChannelRegistry channels, ChannelAccountPipelines pipelines, ChannelAccountThrottle throttle, TimeProvider time, ILogger<PrepayFailover> logger)
{
    /// <summary>Tries <paramref name="accounts"/> of <paramref name="channel"/> in order.</summary>
    /// <param name="waitForTurn">When every account that could answer is at its limit, wait for the first one's turn;
    /// otherwise give up at once, with neither an account nor a refusal (<see cref="FailoverResult.AllBusy"/>).</param>
    /// <returns>The account that took the order and the channel's answer, or, when none did, the channel's last refusal.</returns>
    /// <exception cref="ChannelsUnavailableException">No account answered: trying again later may succeed.</exception>
    public async Task<FailoverResult> PlaceAsync(
        string channel, IReadOnlyList<string> accounts, PrepayRequest request, bool waitForTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var attempts = new List<RouteAttempt>(accounts.Count);
        string? saturated = null;
        ChannelException? refusal = null;
        foreach (var account in accounts)
        {
            var id = new ChannelAccountId(channel, account);
            if (pipelines.IsCircuitOpen(id))
            {
                attempts.Add(Attempt(id, RouteOutcomes.Skipped, RouteOutcomes.CircuitOpen));
                continue;
            }

            if (!throttle.TryAcquire(id, out var lease))
            {
                attempts.Add(Attempt(id, RouteOutcomes.Skipped, RouteOutcomes.AtLimit));
                saturated ??= account;
                continue;
            }

            var (placed, refused) = await TryAsync(id, lease, request, attempts, cancellationToken);
            if (placed is not null)
            {
                return new FailoverResult(account, placed, null, attempts);
            }

            refusal = refused ?? refusal;
        }

        // Not waiting: the route is left whole to a worker that will, refusals included.
        if (saturated is not null && !waitForTurn)
        {
            return new FailoverResult(null, null, null, attempts);
        }

        // Every account that could answer is busy, none failed for good: wait for the first one's turn
        // rather than fail a payment only because of a peak.
        if (saturated is not null)
        {
            var id = new ChannelAccountId(channel, saturated);
            var lease = await throttle.AcquireAsync(id, cancellationToken);
            var (placed, refused) = await TryAsync(id, lease, request, attempts, cancellationToken);
            if (placed is not null)
            {
                return new FailoverResult(saturated, placed, null, attempts);
            }

            refusal = refused ?? refusal;
        }

        LogNoAccountTook(logger, request.OutTradeNo, channel, attempts.Count);
        return refusal is not null
            ? new FailoverResult(null, null, refusal, attempts)
            : throw new ChannelsUnavailableException(channel, attempts);
    }

    /// <summary>
    /// One account, through its resilience pipeline: the answer, or the channel's refusal, or null for both when it did
    /// not answer. The permit taken to choose the account serves the pipeline's first call; each retry waits for a new one.
    /// </summary>
    private async Task<(PrepayResult? Placed, ChannelException? Refused)> TryAsync(
        ChannelAccountId id, IDisposable firstPermit, PrepayRequest request, List<RouteAttempt> attempts, CancellationToken cancellationToken)
    {
        IDisposable? unused = firstPermit;
        try
        {
            var adapter = await channels.GetAsync(id.Channel, id.Account, cancellationToken);
            var placed = await pipelines.ExecuteAsync(
                id, "prepay", c => new ValueTask<PrepayResult>(adapter.PrepayAsync(request, c)), Interlocked.Exchange(ref unused, null), cancellationToken);
            attempts.Add(Attempt(id, RouteOutcomes.Placed, null));
            return (placed, null);
        }
        catch (ChannelException e) when (!e.IsTransient)
        {
            attempts.Add(Attempt(id, RouteOutcomes.Failed, e.Code ?? "declined"));
            return (null, e);
        }
        catch (BrokenCircuitException)
        {
            attempts.Add(Attempt(id, RouteOutcomes.Failed, RouteOutcomes.CircuitOpen));
        }
        catch (Exception e) when (e is ChannelException or HttpRequestException or TimeoutRejectedException)
        {
            LogAccountUnavailable(logger, e, request.OutTradeNo, id.ToString());
            attempts.Add(Attempt(id, RouteOutcomes.Failed, RouteOutcomes.Unavailable));
        }
        catch (InvalidOperationException e) when (!cancellationToken.IsCancellationRequested)
        {
            // The account's configuration or a secret is missing: an operator's mistake no retry mends.
            LogAccountUnusable(logger, e, id.ToString());
            attempts.Add(Attempt(id, RouteOutcomes.Failed, RouteOutcomes.NotConfigured));
        }
        finally
        {
            // The adapter could not be built: the pipeline never got the permit.
            unused?.Dispose();
        }

        return (null, null);
    }

    private RouteAttempt Attempt(ChannelAccountId id, string outcome, string? reason) => new(id.ToString(), outcome, reason, time.GetUtcNow());

    [LoggerMessage(EventId = 10101, Level = LogLevel.Warning, Message = "Prepay of {PaymentId} at {ChannelAccount} did not get an answer; trying the next account")]
    private static partial void LogAccountUnavailable(ILogger logger, Exception exception, string paymentId, string channelAccount);

    [LoggerMessage(EventId = 10102, Level = LogLevel.Error, Message = "Channel account {ChannelAccount} cannot be used")]
    private static partial void LogAccountUnusable(ILogger logger, Exception exception, string channelAccount);

    [LoggerMessage(EventId = 10103, Level = LogLevel.Warning, Message = "No account of {Channel} took the order of {PaymentId} after {Attempts} attempts")]
    private static partial void LogNoAccountTook(ILogger logger, string paymentId, string channel, int attempts);
}

/// <summary>What the route came to.</summary>
/// <param name="Account">The account that took the order; null when none did.</param>
/// <param name="Placed">The channel's answer to the order.</param>
/// <param name="Refusal">When no account took it, the last refusal of one that answered.</param>
/// <param name="Attempts">Every account tried or passed over, in order.</param>
public sealed record FailoverResult(string? Account, PrepayResult? Placed, ChannelException? Refusal, IReadOnlyList<RouteAttempt> Attempts)
{
    /// <summary>No account took the order: one that might have was at its limit, and the caller would not wait for its turn.</summary>
    public bool AllBusy => Account is null && Refusal is null;
}

/// <summary>No account of the route answered; what each did is in <see cref="Attempts"/>.</summary>
public sealed class ChannelsUnavailableException(string channel, IReadOnlyList<RouteAttempt> attempts)
    : Exception($"No account of {channel} answered.")
{
    public IReadOnlyList<RouteAttempt> Attempts { get; } = attempts;
}
