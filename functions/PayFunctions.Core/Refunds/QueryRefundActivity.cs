using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Routing;

namespace PayFunctions.Core.Refunds;

public sealed class QueryRefundActivity(ChannelAccountCalls calls, ILogger<QueryRefundActivity> logger) : TaskActivity<RefundOrchestrationInput, ChannelRefundEvent>
{
    public override Task<ChannelRefundEvent> RunAsync(TaskActivityContext context, RefundOrchestrationInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<ChannelRefundEvent> ExecuteAsync(RefundOrchestrationInput input, CancellationToken cancellationToken)
    {
        var refund = await calls.CallAsync(
            input.Channel, input.ChannelAccount, "refund_query", (channel, c) => channel.QueryRefundAsync(input.Order, input.RefundId, c), cancellationToken);
        return ChannelRefundCheck.ToEvent(refund, input.Amount, input.Currency, logger);
    }
}
