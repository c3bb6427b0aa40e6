using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Configuration;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Orchestration;

/// <summary>
/// Places the order at the channel and records the QR content. The payment id is the channel's
/// out_trade_no, and the channel answers a repeated identical order with the same code, so a
/// second run of this activity cannot create a second order. A second run after the payer paid
/// finds the order already at the channel, which the orchestration settles with a verified query.
/// </summary>
public sealed class PrepayActivity(ChannelResolver channels, PaymentStore payments, PaymentProgress progress, IOptions<ApiOptions> api)
    : TaskActivity<PaymentOrchestrationInput, PrepayOutcome>
{
    public override Task<PrepayOutcome> RunAsync(TaskActivityContext context, PaymentOrchestrationInput input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<PrepayOutcome> ExecuteAsync(PaymentOrchestrationInput input, CancellationToken cancellationToken)
    {
        var channel = await channels.GetAsync(input.Channel, cancellationToken);
        var baseUrl = api.Value.PublicBaseUrl ?? throw new InvalidOperationException("Api:PublicBaseUrl is not configured.");
        var request = new PrepayRequest(
            input.PaymentId,
            "wechat_pay.native",
            new Money(input.Amount, Currency.Parse(input.Currency)),
            input.Description,
            input.ExpiresAt,
            new Uri(baseUrl, $"api/notify/{channel.Name}"),
            null);

        PrepayResult result;
        try
        {
            result = await channel.PrepayAsync(request, cancellationToken);
        }
        catch (ChannelException e) when (!e.IsTransient)
        {
            return new PrepayOutcome(false, null, "channel_declined", $"The channel refused the payment: {e.Code ?? e.Message}", OrderAtChannel: false);
        }

        if (result.Status == PrepayStatus.AlreadyAtChannel)
        {
            return new PrepayOutcome(false, null, null, null, OrderAtChannel: true);
        }

        await payments.UpdateAsync(input.MerchantId, input.PaymentId, p =>
        {
            if (p.QrCodeContent == (result.NextAction as DisplayQrCode)?.Data)
            {
                return false;
            }

            p.QrCodeContent = (result.NextAction as DisplayQrCode)?.Data;
            return true;
        }, cancellationToken);
        progress.Notify(input.PaymentId);
        return new PrepayOutcome(true, (result.NextAction as DisplayQrCode)?.Data, null, null, OrderAtChannel: false);
    }
}
