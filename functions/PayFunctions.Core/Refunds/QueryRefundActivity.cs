using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Refunds;

public sealed class QueryRefundActivity(ChannelRegistry channels, ILogger<QueryRefundActivity> logger) : TaskActivity<RefundOrchestrationInput, ChannelRefundEvent>
{
    public override Task<ChannelRefundEvent> RunAsync(TaskActivityContext context, RefundOrchestrationInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<ChannelRefundEvent> ExecuteAsync(RefundOrchestrationInput input, CancellationToken cancellationToken)
    {
        var channel = await channels.GetAsync(input.Channel, input.ChannelAccount, cancellationToken);
        var refund = await channel.QueryRefundAsync(input.Order, input.RefundId, cancellationToken);
        return ChannelRefundCheck.ToEvent(refund, input.Amount, input.Currency, logger);
    }
}
