using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Http;
using PayFunctions.Core.Secrets;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Places the order at the channel and records what the payer does next. The payment id is the
/// channel's order number, and a channel answers a repeated identical order with the same result,
/// so a second run of this activity cannot create a second order. A second run after the payer paid
/// finds the order already at the channel, which the orchestration settles with a verified query.
/// A channel worker runs it for the prepay the orchestration queued on the channel's queue.
/// </summary>
public sealed class PrepayActivity(ChannelRegistry channels, PaymentStore payments, PaymentProgress progress, CheckoutLinks links, IOptions<ApiOptions> api)
{
    public async Task<PrepayOutcome> ExecuteAsync(PaymentOrchestrationInput input, CancellationToken cancellationToken)
    {
        var channel = await channels.GetAsync(input.Channel, input.ChannelAccount, cancellationToken);
        var baseUrl = api.Value.PublicBaseUrl ?? throw new InvalidOperationException("Api:PublicBaseUrl is not configured.");
        var request = new PrepayRequest(
            input.PaymentId,
            input.Method,
            new Money(input.Amount, Currency.Parse(input.Currency)),
            input.Description,
            input.ExpiresAt,
            new Uri(baseUrl, $"api/notify/{channel.Name}"),
            null)
        {
            PayerId = input.Payer?.Id,
            PaymentCode = input.Payer?.PaymentCode,
            ReturnUrl = await ReturnUrlAsync(input, cancellationToken),
            ClientIp = input.Payer?.ClientIp,
            CaptureLater = input.CaptureLater,
        };

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

        var (nextAction, payerForm) = result.NextAction switch
        {
            // The merchant is shown a redirect to the platform's page that posts the signed form, never the form.
            SubmitForm form => (
                NextActionBody.Serialize(new RedirectToUrl(await links.FormPageUrlAsync(input.PaymentId, cancellationToken)), channel.Name),
                PayerForm.Serialize(form)),
            { } action => (NextActionBody.Serialize(action, channel.Name), null),
            null => (null, null),
        };
        var answeredAtOnce = result.Status == PrepayStatus.Answered;
        await payments.UpdateAsync(input.MerchantId, input.PaymentId, p =>
        {
            var processing = answeredAtOnce && p.StatusValue == PaymentStatus.RequiresAction;
            if (p.PlacedAtChannel && p.NextActionJson == nextAction && p.PayerFormJson == payerForm && p.ChannelOrderId == result.ChannelOrderId && !processing)
            {
                return false;
            }

            p.PlacedAtChannel = true;
            p.NextActionJson = nextAction;
            p.PayerFormJson = payerForm;
            p.ChannelOrderId = result.ChannelOrderId;
            if (processing)
            {
                p.Status = nameof(PaymentStatus.Processing);
            }

            return true;
        }, cancellationToken);
        progress.Notify(input.PaymentId);
        var answered = result.Order is { } order
            ? new ChannelPaymentEvent(order.ChannelTradeNo ?? "", order.State, order.PaidAt, order.Amount?.MinorUnits, order.Amount?.Currency.Code)
            : null;
        return new PrepayOutcome(true, answered, null, null, OrderAtChannel: false) { ChannelOrderId = result.ChannelOrderId };
    }

    /// <summary>
    /// The address the channel's page sends the payer back to. A merchant's page need not take a channel's post: such
    /// a channel returns the payer to the platform, which sends them on to the merchant with a GET.
    /// </summary>
    private async Task<Uri?> ReturnUrlAsync(PaymentOrchestrationInput input, CancellationToken cancellationToken)
    {
        if (input.Payer?.ReturnUrl is not { } given)
        {
            return null;
        }

        var returnUrl = new Uri(given, UriKind.Absolute);
        var postsBack = ChannelRegistry.Module(input.Channel).Capabilities.Methods.FirstOrDefault(m => m.Method == input.Method)?.ReturnsPayerByPost == true;
        return postsBack && !links.IsOwn(returnUrl) ? await links.MerchantReturnUrlAsync(input.PaymentId, cancellationToken) : returnUrl;
    }
}
