namespace ChannelSandbox.Stripe;

/// <summary>
/// What happens to a session's money, whoever asks: the payer on the hosted page, the merchant through the API, or the
/// sandbox's control API. Every change is made under the store's lock and announced by its event.
/// </summary>
public sealed class StripePayments(StripeStore store, StripeWebhooks webhooks, StripeFaults faults, TimeProvider time)
{
    /// <summary>Where the payer is sent next, or the error shown on the page.</summary>
    public sealed record Attempt(string? RedirectTo, string? Error);

    /// <summary>
    /// The payer confirms the session with a card: a test card decides the outcome. A card that needs 3-D Secure leaves
    /// the PaymentIntent in <c>requires_action</c> with the challenge page as its <c>next_action.redirect_to_url</c>.
    /// </summary>
    public Attempt Confirm(StripeSession session, string cardNumber, Uri apiBase, bool notify)
    {
        var outcome = StripeTestCards.OutcomeOf(cardNumber);
        if (outcome == StripeTestCards.Outcome.IncorrectNumber)
        {
            return new Attempt(null, "Your card number is incorrect.");
        }

        var now = time.GetUtcNow();
        StripePaymentIntent intent;
        lock (store.Gate)
        {
            if (!session.IsOpen(now) || session.PaymentIntent?.Status is "requires_action" or "requires_capture" or "succeeded")
            {
                return new Attempt(null, "This Checkout Session is no longer active.");
            }

            intent = session.PaymentIntent ??= new StripePaymentIntent { Id = StripeStore.NewId("pi_"), Session = session, Created = now };
            intent.CardNumber = cardNumber;
            intent.LastError = null;
            store.Add(intent);
            switch (outcome)
            {
                case StripeTestCards.Outcome.RequiresAuthentication:
                    intent.Status = "requires_action";
                    intent.ChallengeUrl = new Uri(apiBase, "3ds/" + intent.Id).AbsoluteUri;
                    return new Attempt(intent.ChallengeUrl, null);
                case StripeTestCards.Outcome.Declined or StripeTestCards.Outcome.InsufficientFunds:
                    var insufficient = outcome == StripeTestCards.Outcome.InsufficientFunds;
                    intent.LastError = new StripeCardError(
                        "card_error", "card_declined", insufficient ? "insufficient_funds" : "generic_decline", insufficient ? "Your card has insufficient funds." : "Your card was declined.");
                    break;
                default:
                    Authorize(intent, now);
                    break;
            }
        }

        Announce(intent, notify);
        return intent.LastError is { } error ? new Attempt(null, error.Message) : new Attempt(session.SuccessUrl, null);
    }

    /// <summary>The payer completes or fails the 3-D Secure challenge.</summary>
    public Attempt Authenticate(StripePaymentIntent intent, bool completed, bool notify)
    {
        var now = time.GetUtcNow();
        lock (store.Gate)
        {
            if (intent.Status != "requires_action")
            {
                return new Attempt(null, "This PaymentIntent is not waiting for authentication.");
            }

            if (completed)
            {
                Authorize(intent, now);
            }
            else
            {
                intent.Status = "requires_payment_method";
                intent.LastError = new StripeCardError(
                    "invalid_request_error", "payment_intent_authentication_failure", null, "We are unable to authenticate your payment method.");
            }
        }

        Announce(intent, notify);
        return completed ? new Attempt(intent.Session.SuccessUrl, null) : new Attempt(null, intent.LastError!.Message);
    }

    /// <summary>Captures an authorization: <paramref name="amount"/> is taken and the rest released. False when it is not authorized or the amount does not fit.</summary>
    public bool Capture(StripePaymentIntent intent, long amount)
    {
        lock (store.Gate)
        {
            if (intent.Status != "requires_capture" || intent.Charge is not { } charge || amount < 1 || amount > intent.AmountCapturable)
            {
                return false;
            }

            intent.Status = "succeeded";
            intent.AmountReceived = amount;
            intent.AmountCapturable = 0;
            charge.Captured = true;
            charge.AmountCaptured = amount;
        }

        webhooks.Publish("payment_intent.succeeded", StripeObjects.PaymentIntent(intent, expandCharge: false), intent.Session.OrderKey);
        return true;
    }

    /// <summary>Cancels a PaymentIntent that has not succeeded, releasing an authorization. False when it cannot be cancelled.</summary>
    public bool Cancel(StripePaymentIntent intent, string reason)
    {
        lock (store.Gate)
        {
            if (intent.Status is "succeeded" or "canceled" or "processing")
            {
                return intent.Status == "canceled";
            }

            intent.Status = "canceled";
            intent.AmountCapturable = 0;
            intent.CanceledAt = time.GetUtcNow();
            intent.CancellationReason = reason;
            intent.ChallengeUrl = null;
            if (intent.Session.Status == "open")
            {
                intent.Session.Status = "expired";
            }
        }

        webhooks.Publish("payment_intent.canceled", StripeObjects.PaymentIntent(intent, expandCharge: false), intent.Session.OrderKey);
        return true;
    }

    /// <summary>Expires an open session (its PaymentIntent, if any, is cancelled). False when the session is not open.</summary>
    public bool Expire(StripeSession session, Uri apiBase)
    {
        var now = time.GetUtcNow();
        lock (store.Gate)
        {
            if (session.Status != "open")
            {
                return false;
            }

            session.Status = "expired";
        }

        if (session.PaymentIntent is { } intent)
        {
            Cancel(intent, "abandoned");
        }

        webhooks.Publish("checkout.session.expired", StripeObjects.Session(session, apiBase, new HashSet<string>(), now), session.OrderKey);
        return true;
    }

    /// <summary>Refunds part or the rest of a captured charge; the error message when it cannot.</summary>
    public (StripeRefund? Refund, string? Error) Refund(StripePaymentIntent intent, long? amount, Dictionary<string, string> metadata)
    {
        var now = time.GetUtcNow();
        StripeRefund refund;
        lock (store.Gate)
        {
            if (intent.Status != "succeeded" || intent.Charge is not { } charge)
            {
                return (null, $"This PaymentIntent ({intent.Id}) does not have a successful charge to refund.");
            }

            var left = charge.AmountCaptured - charge.AmountRefunded;
            var wanted = amount ?? left;
            if (left == 0)
            {
                return (null, $"Charge {charge.Id} has already been refunded.");
            }

            if (wanted < 1 || wanted > left)
            {
                return (null, $"Refund amount ({wanted}) is greater than unrefunded amount on charge ({left}).");
            }

            charge.AmountRefunded += wanted;
            refund = new StripeRefund { Id = StripeStore.NewId("re_"), PaymentIntent = intent, Amount = wanted, Metadata = metadata, Created = now };
            if (faults.Take(StripeFaults.RefundPending) is not null)
            {
                refund.Status = "pending";
            }

            store.Add(refund);
        }

        webhooks.Publish("refund.created", StripeObjects.Refund(refund), intent.Session.OrderKey);
        if (refund.Status == "pending")
        {
            _ = SettleLaterAsync(refund);
        }

        return (refund, null);
    }

    private async Task SettleLaterAsync(StripeRefund refund)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), time);
        lock (store.Gate)
        {
            refund.Status = "succeeded";
        }

        webhooks.Publish("refund.updated", StripeObjects.Refund(refund), refund.PaymentIntent.Session.OrderKey);
    }

    private static void Authorize(StripePaymentIntent intent, DateTimeOffset now)
    {
        var session = intent.Session;
        var number = intent.CardNumber!;
        var manual = session.CaptureMethod == "manual";
        intent.Charge = new StripeCharge
        {
            Id = StripeStore.NewId("ch_"),
            BalanceTransactionId = StripeStore.NewId("txn_"),
            Amount = session.Amount,
            Created = now,
            Captured = !manual,
            AmountCaptured = manual ? 0 : session.Amount,
            Brand = StripeTestCards.Brand(number),
            Last4 = number[^4..],
            Fingerprint = StripeTestCards.Fingerprint(number),
        };
        intent.Status = manual ? "requires_capture" : "succeeded";
        intent.AmountCapturable = manual ? session.Amount : 0;
        intent.AmountReceived = manual ? 0 : session.Amount;
        intent.ChallengeUrl = null;
        session.Status = "complete";
    }

    private void Announce(StripePaymentIntent intent, bool notify)
    {
        var type = intent.Status switch
        {
            "succeeded" => "payment_intent.succeeded",
            "requires_capture" => "payment_intent.amount_capturable_updated",
            _ => "payment_intent.payment_failed",
        };
        webhooks.Publish(type, StripeObjects.PaymentIntent(intent, expandCharge: false), intent.Session.OrderKey, deliver: notify);
    }
}
