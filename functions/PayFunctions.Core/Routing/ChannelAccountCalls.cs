using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// Calls one channel account's adapter through the account's pipeline, so every call (not only a prepay) keeps within
/// the account's limits, is retried, timed out and cut off by its circuit, and counts in its health.
/// </summary>
public sealed class ChannelAccountCalls(ChannelRegistry channels, ChannelAccountPipelines pipelines)
{
    /// <param name="operation">What the call does, for the pipeline's telemetry: "query", "close", "refund", ….</param>
    /// <param name="call">Idempotent at the channel: the pipeline may run it more than once.</param>
    public async Task<T> CallAsync<T>(
        string channel, string account, string operation, Func<IPaymentChannel, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        await (await ForAsync(channel, account, cancellationToken)).CallAsync(operation, call, cancellationToken);

    /// <summary>The account's caller, once its adapter was built.</summary>
    /// <exception cref="InvalidOperationException">The account's configuration or a secret is missing.</exception>
    public async Task<Caller> ForAsync(string channel, string account, CancellationToken cancellationToken) =>
        new(new ChannelAccountId(channel, account), await channels.GetAsync(channel, account, cancellationToken), pipelines);

    /// <summary>One account's adapter behind its pipeline.</summary>
    public sealed class Caller(ChannelAccountId account, IPaymentChannel adapter, ChannelAccountPipelines pipelines)
    {
        /// <inheritdoc cref="ChannelAccountCalls.CallAsync{T}"/>
        public async Task<T> CallAsync<T>(string operation, Func<IPaymentChannel, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(call);
            return await pipelines.ExecuteAsync(account, operation, c => new ValueTask<T>(call(adapter, c)), cancellationToken);
        }
    }
}
