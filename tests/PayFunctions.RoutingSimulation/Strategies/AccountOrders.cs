using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Domain;

namespace PayFunctions.RoutingSimulation.Strategies;

/// <summary>Places one payment's order at one account through the platform's adapter for it.</summary>
public sealed class AccountOrders(ChannelRegistry registry, string channel, string method, Currency currency, string runId)
{
    private static readonly Uri NotifyUrl = new("http://127.0.0.1:9/notify");

    public string Channel => channel;

    /// <summary>
    /// The order at <paramref name="account"/>: its own number there (accounts are separate merchants at the channel),
    /// the same for every attempt at that account, so a retry cannot place it twice.
    /// </summary>
    public async Task PlaceAsync(string account, PlannedPayment payment, CancellationToken cancellationToken)
    {
        var adapter = await registry.GetAsync(channel, account, cancellationToken);
        var outTradeNo = $"{runId}{account[0]}{payment.Index:D6}{account[^1]}";
        await adapter.PrepayAsync(
            new PrepayRequest(outTradeNo, method, new Money(payment.Amount, currency), "Routing simulation", DateTimeOffset.UtcNow.AddMinutes(30), NotifyUrl, null),
            cancellationToken);
    }

    /// <summary>One attempt bounded by <paramref name="timeout"/>, with no retry: what the baseline strategies do.</summary>
    public async Task<string> TryOnceAsync(string account, PlannedPayment payment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await PlaceAsync(account, payment, deadline.Token);
            return CallResults.Placed;
        }
        catch (ChannelException e)
        {
            return e.IsTransient ? CallResults.Transient : CallResults.Refused;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CallResults.TimedOut;
        }
    }
}
