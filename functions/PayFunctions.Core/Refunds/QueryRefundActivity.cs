using Microsoft.Extensions.Logging;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Routing;

namespace PayFunctions.Core.Refunds;

/// <summary>Asks the channel what became of a refund, checked against what was asked for.</summary>
public sealed class QueryRefundActivity(ChannelAccountCalls calls, ILogger<QueryRefundActivity> logger)
{
    public async Task<ChannelRefundEvent> ExecuteAsync(RefundOrchestrationInput input, CancellationToken cancellationToken)
    {
        var refund = await calls.CallAsync(
            input.Channel, input.ChannelAccount, ChannelCallOperations.RefundQuery, (channel, c) => channel.QueryRefundAsync(input.Order, input.RefundId, c), cancellationToken);
        return ChannelRefundCheck.ToEvent(refund, input.Amount, input.Currency, logger);
    }
}
