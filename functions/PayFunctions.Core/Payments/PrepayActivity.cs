using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Http;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Secrets;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>
/// Places the order at the first account of the payment's route that takes it (<see cref="PrepayFailover"/>) and
/// records what the payer does next and the route it took. The payment id is the channel's order number, and a
/// channel answers a repeated identical order with the same result, so a second run cannot create a second order. A second run after the payer paid
/// finds the order already at the channel, which the orchestration settles with a verified query.
/// A channel worker runs it for the prepay the orchestration queued on the channel's queue.
/// </summary>
public sealed class PrepayActivity(PrepayFailover failover, PayerSealing payerSealing, ChannelPayerIntake payers, PaymentStore payments, PaymentProgress progress, CheckoutLinks links, IOptions<ApiOptions> api)
{
    /// <param name="read">The payment as the worker read it before the channel call: the placement is written under
    /// its ETag, and the row is read again only if it changed meanwhile.</param>
    /// <param name="waitForTurn">Wait while every account of the route is at its limit; otherwise answer null at once.</param>
    /// <returns>The outcome; null only when not waiting and every account was busy, with nothing recorded.</returns>
    public async Task<PrepayOutcome?> ExecuteAsync(PaymentOrchestrationInput input, PaymentEntity read, bool waitForTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(read);
        var baseUrl = api.Value.PublicBaseUrl ?? throw new InvalidOperationException("Api:PublicBaseUrl is not configured.");
        var payer = await payerSealing.OpenAsync(input.Payer, input.MerchantId, input.PaymentId, cancellationToken);
        var request = new PrepayRequest(
            input.PaymentId,
            input.Method,
            new Money(input.Amount, Currency.Parse(input.Currency)),
            input.Description,
            input.ExpiresAt,
            new Uri(baseUrl, $"api/notify/{input.Channel}"),
            null)
        {
            PayerId = payer?.Id,
            PaymentCode = payer?.PaymentCode,
            ReturnUrl = await ReturnUrlAsync(input, cancellationToken),
            ClientIp = payer?.ClientIp,
            CaptureLater = input.CaptureLater,
        };

        FailoverResult route;
        try
        {
            route = await failover.PlaceAsync(input.Channel, input.RouteOrDefault, request, waitForTurn, cancellationToken);
        }
        catch (ChannelsUnavailableException e)
        {
            await RecordAttemptsAsync(input, e.Attempts, cancellationToken);
            throw;
        }

        if (route.AllBusy)
        {
            return null;
        }

        if (route is not { Account: { } account, Placed: { } result })
        {
            await RecordAttemptsAsync(input, route.Attempts, cancellationToken);
            return new PrepayOutcome(false, null, "channel_declined", $"The channel refused the payment: {route.Refusal?.Code ?? route.Refusal?.Message}", OrderAtChannel: false);
        }

        if (result.Status == PrepayStatus.AlreadyAtChannel)
        {
            await RecordAttemptsAsync(input, route.Attempts, cancellationToken);
            return new PrepayOutcome(false, null, null, null, OrderAtChannel: true) { ChannelAccount = account };
        }

        var (nextAction, payerForm) = result.NextAction switch
        {
            // The merchant is shown a redirect to the platform's page that posts the signed form, never the form.
            SubmitForm form => (
                NextActionBody.Serialize(new RedirectToUrl(await links.FormPageUrlAsync(input.PaymentId, cancellationToken)), input.Channel),
                PayerForm.Serialize(form)),
            { } action => (NextActionBody.Serialize(action, input.Channel), null),
            null => (null, null),
        };
        var answeredAtOnce = result.Status == PrepayStatus.Answered;
        var attemptsJson = RoutingBody.SerializeAttempts(route.Attempts);
        string? placedEarlier = null;
        var written = await payments.UpdateAsync(read, p =>
        {
            // A repeated run (its first answer lost with a crashed host) whose route now ends at another account
            // must not replace the order the merchant may already have shown: the first placement stands.
            if (p.PlacedAtChannel && p.ChannelAccount != account)
            {
                placedEarlier = p.ChannelAccount;
                return false;
            }

            var processing = answeredAtOnce && p.StatusValue == PaymentStatus.RequiresAction;
            if (p.PlacedAtChannel && p.NextActionJson == nextAction && p.PayerFormJson == payerForm && p.ChannelOrderId == result.ChannelOrderId && !processing)
            {
                return false;
            }

            p.PlacedAtChannel = true;
            p.ChannelAccount = account;
            p.RouteAttemptsJson = attemptsJson;
            p.NextActionJson = nextAction;
            p.PayerFormJson = payerForm;
            p.ChannelOrderId = result.ChannelOrderId;
            if (processing)
            {
                p.Status = nameof(PaymentStatus.Processing);
            }

            return true;
        }, cancellationToken);
        progress.Notify(written);
        if (placedEarlier is not null)
        {
            return Earlier(input, placedEarlier);
        }

        var answered = result.Order is { } order ? await payers.EventOfAsync(order, input.MerchantId, input.PaymentId, cancellationToken) : null;
        return new PrepayOutcome(true, answered, null, null, OrderAtChannel: false) { ChannelOrderId = result.ChannelOrderId, ChannelAccount = account };
    }

    /// <summary>
    /// The outcome of the first placement, which a repeated run found at another account. A payer at a till was
    /// answered at once: only a verified query there can say what became of it. Otherwise the order the merchant was
    /// shown stays open for the payer.
    /// </summary>
    private static PrepayOutcome Earlier(PaymentOrchestrationInput input, string account) =>
        input.Payer?.PaymentCode is not null
            ? new PrepayOutcome(false, null, null, null, OrderAtChannel: true) { ChannelAccount = account }
            : new PrepayOutcome(true, null, null, null, OrderAtChannel: false) { ChannelAccount = account };

    private async Task RecordAttemptsAsync(PaymentOrchestrationInput input, IReadOnlyList<RouteAttempt> attempts, CancellationToken cancellationToken)
    {
        var json = RoutingBody.SerializeAttempts(attempts);
        await payments.UpdateAsync(input.MerchantId, input.PaymentId, p =>
        {
            if (p.PlacedAtChannel || p.RouteAttemptsJson == json)
            {
                return false;
            }

            p.RouteAttemptsJson = json;
            return true;
        }, cancellationToken);
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
