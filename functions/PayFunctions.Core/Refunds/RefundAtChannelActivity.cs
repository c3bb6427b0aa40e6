using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Routing;
using PayFunctions.Domain;

namespace PayFunctions.Core.Refunds;

/// <summary>
/// Asks the channel to refund. The refund id is the channel's refund number, and a channel treats a
/// repeated number as the same refund, so a retried call cannot refund twice. A refusal is an
/// answer (the refund failed); an unreachable channel throws, for the orchestration to retry.
/// </summary>
public sealed class RefundAtChannelActivity(ChannelAccountCalls calls, IOptions<ApiOptions> api, ILogger<RefundAtChannelActivity> logger)
{
    public async Task<ChannelRefundEvent> ExecuteAsync(RefundOrchestrationInput input, CancellationToken cancellationToken)
    {
        var baseUrl = api.Value.PublicBaseUrl ?? throw new InvalidOperationException("Api:PublicBaseUrl is not configured.");
        var currency = Currency.Parse(input.Currency);
        var request = new ChannelRefundRequest(
            input.PaymentId,
            input.RefundId,
            new Money(input.Amount, currency),
            new Money(input.OrderAmount, currency),
            input.Reason,
            new Uri(baseUrl, $"api/notify/{input.Channel}"))
        {
            ChannelOrderId = input.ChannelOrderId,
            ChannelTradeNo = input.ChannelTradeNo,
        };
        try
        {
            var answer = await calls.CallAsync(input.Channel, input.ChannelAccount, ChannelCallOperations.Refund, (channel, c) => channel.RefundAsync(request, c), cancellationToken);
            return ChannelRefundCheck.ToEvent(answer, input.Amount, input.Currency, logger);
        }
        catch (ChannelException e) when (!e.IsTransient)
        {
            return new ChannelRefundEvent(ChannelRefundState.Failed, null, null, "channel_declined", $"The channel refused the refund: {e.Code ?? e.Message}");
        }
    }
}
