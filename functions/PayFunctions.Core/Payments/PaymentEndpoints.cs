using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PayFunctions.Channels;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Fx;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;
using PayFunctions.Core.Telemetry;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>The merchant-facing payments resource: create, retrieve, list, close.</summary>
public sealed class PaymentEndpoints(
    PaymentStarter starter,
    PaymentStore payments,
    IdempotentPost idempotentPost,
    PaymentIdGenerator ids,
    PaymentProgress progress,
    SplitRecipientCheck splitRecipients,
    FxQuotes quotes,
    CheckoutLinks checkoutLinks,
    TimeProvider time)
{
    private static readonly TimeSpan SettleWait = PreferWait.Default;

    // The activity that writes the next step wakes a waiter in its own process; a waiter elsewhere reads the row,
    // less often the longer it waits.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(4);

    public async Task<IResult> CreateAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (body, parsed, parseError) = await RequestBody.ReadAsync<CreatePaymentRequest>(request, null, cancellationToken);
        if (parseError is not null)
        {
            return parseError.ToResult();
        }

        var fx = await quotes.QuoterForAsync(merchant, parsed!.Currency, cancellationToken);
        var (valid, invalid) = CreatePaymentValidator.Validate(parsed, merchant.Fee, fx);
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var (placed, unavailable) = starter.CheckAvailable(valid!, merchant.TestMode);
        if (unavailable is not null)
        {
            return unavailable.ToResult();
        }

        valid = placed;

        if (await splitRecipients.CheckAsync(merchant.Id, valid.Split, cancellationToken) is { } recipientError)
        {
            return recipientError.ToResult();
        }

        var prefer = PreferWait.Read(request);
        return await idempotentPost.RunAsync(
            request,
            merchant.Id,
            body!,
            ids.NewId,
            paymentId => CreateWithIdAsync(merchant, valid, paymentId, prefer, request.HttpContext.Response, durable, cancellationToken),
            cancellationToken,
            stored => RefreshAcceptedAsync(merchant.Id, stored, prefer, request.HttpContext.Response, cancellationToken));
    }

    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var payment = PaymentIds.IsWellFormed(id) ? await payments.GetAsync(merchant.Id, id, cancellationToken) : null;
        return payment is null
            ? ApiError.NotFound("payment", "id").ToResult()
            : Results.Json(await checkoutLinks.ResourceAsync(payment, cancellationToken), ApiJson.Options);
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var (limit, startingAfter, invalid) = ListQuery.Parse(request, PaymentIds.IsWellFormed, "a payment");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var (narrowing, badFilter) = PaymentListFilter.Parse(request);
        if (badFilter is not null)
        {
            return badFilter.ToResult();
        }

        var (page, hasMore) = await payments.ListAsync(merchant.Id, limit, startingAfter, narrowing!, cancellationToken);
        var data = new List<PaymentResource>(page.Count);
        foreach (var payment in page)
        {
            data.Add(await checkoutLinks.ResourceAsync(payment, cancellationToken));
        }

        return Results.Json(new PaymentList("list", "/api/v1/payments", data, hasMore), ApiJson.Options);
    }

    public async Task<IResult> CloseAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var payment = PaymentIds.IsWellFormed(id) ? await payments.GetAsync(merchant.Id, id, cancellationToken) : null;
        if (payment is null)
        {
            return ApiError.NotFound("payment", "id").ToResult();
        }

        switch (payment.StatusValue)
        {
            case PaymentStatus.Closed or PaymentStatus.Expired:
                return Results.Json(await checkoutLinks.ResourceAsync(payment, cancellationToken), ApiJson.Options);
            case PaymentStatus.Succeeded or PaymentStatus.Failed or PaymentStatus.Processing:
                return UnexpectedState(payment, "Only a payment that requires action or capture can be closed.");
            case PaymentStatus.RequiresCapture:
                // Closing an authorized payment releases the payer's money; nothing is left payable at the channel.
                return await RaiseAndWaitAsync(merchant.Id, id, PaymentEvents.CloseRequested, new CloseRequest("merchant"), durable, cancellationToken);
        }

        // A checkout payment whose payer has not picked a method has no order at any channel to close.
        if (ChannelRegistry.IsKnown(payment.Channel) && ChannelRegistry.Module(payment.Channel).Capabilities is var capabilities
            && !capabilities.Supports(ChannelOperations.Close))
        {
            // Without a close the order stays payable at the channel until it lapses at expires_at;
            // calling it closed here would let a payment land on a payment the merchant was told is over.
            return new ApiError(
                StatusCodes.Status409Conflict,
                "payment_close_unsupported",
                $"{capabilities.DisplayName} cannot close an unpaid order.",
                "The payment ends by itself at expires_at, when the channel stops accepting it.",
                "id").ToResult();
        }

        return await RaiseAndWaitAsync(merchant.Id, id, PaymentEvents.CloseRequested, new CloseRequest("merchant"), durable, cancellationToken);
    }

    /// <summary>
    /// <c>POST /api/v1/payments/{id}/capture</c>: takes the money the channel holds for a payment placed with
    /// <c>capture_method: "manual"</c>. Capturing a captured payment answers it as it is.
    /// </summary>
    public async Task<IResult> CaptureAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var payment = PaymentIds.IsWellFormed(id) ? await payments.GetAsync(merchant.Id, id, cancellationToken) : null;
        if (payment is null)
        {
            return ApiError.NotFound("payment", "id").ToResult();
        }

        return payment.StatusValue switch
        {
            PaymentStatus.RequiresCapture =>
                await RaiseAndWaitAsync(merchant.Id, id, PaymentEvents.CaptureRequested, new CaptureRequest("merchant"), durable, cancellationToken),
            PaymentStatus.Succeeded when payment.CaptureLater => Results.Json(await checkoutLinks.ResourceAsync(payment, cancellationToken), ApiJson.Options),
            _ => UnexpectedState(payment, "Only a payment that requires capture can be captured."),
        };
    }

    private async Task<IResult> RaiseAndWaitAsync<TEvent>(
        string merchantId, string id, string eventName, TEvent payload, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        await durable.RaiseEventAsync(id, eventName, payload, cancellationToken);
        var settled = await WaitForAsync(merchantId, id, null, p => PaymentTransitions.IsTerminal(p.StatusValue), cancellationToken);
        return Results.Json(await checkoutLinks.ResourceAsync(settled, cancellationToken), ApiJson.Options);
    }

    private static IResult UnexpectedState(PaymentEntity payment, string message) => new ApiError(
        StatusCodes.Status409Conflict,
        "payment_unexpected_state",
        message,
        $"This payment is {JsonNamingPolicy.SnakeCaseLower.ConvertName(payment.Status)}.",
        "id").ToResult();

    private async Task<StoredResponse> CreateWithIdAsync(
        MerchantEntity merchant,
        CreatePaymentValidator.Valid valid,
        string paymentId,
        PreferWait prefer,
        HttpResponse response,
        DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var (decision, unroutable) = await starter.RouteAsync(merchant, valid, paymentId, PaymentStarter.TerminalOf(valid), cancellationToken);
        if (unroutable is not null)
        {
            return new StoredResponse(unroutable.Status, unroutable.ToJson(), ApiError.ContentType);
        }

        // Listening before the orchestration starts, so that the activity's signal cannot come before the wait.
        _ = progress.NextAsync(paymentId);
        try
        {
            var (payment, holder) = await starter.StartAsync(merchant, valid, decision, paymentId, durable, cancellationToken);
            if (payment is null)
            {
                var error = new ApiError(
                    StatusCodes.Status409Conflict,
                    "merchant_order_id_in_use",
                    "Another payment already uses this merchant_order_id.",
                    $"merchant_order_id belongs to {holder}.",
                    "merchant_order_id");
                return new StoredResponse(error.Status, error.ToJson(), ApiError.ContentType);
            }

            return await AnswerCreatedAsync(merchant.Id, paymentId, payment, prefer, response, cancellationToken);
        }
        finally
        {
            progress.Forget(paymentId);
        }
    }

    /// <summary>
    /// Waits as long as the merchant prefers for the channel to answer. Ready in time: 201 with the next action.
    /// Otherwise 202 with the payment as it is (processing while its order is queued) and its URL, where
    /// <c>GET</c> (and the webhook) deliver the rest. A checkout payment has nothing to wait for: its order is
    /// placed when the payer picks a method.
    /// </summary>
    private async Task<StoredResponse> AnswerCreatedAsync(
        string merchantId, string paymentId, PaymentEntity? known, PreferWait prefer, HttpResponse response, CancellationToken cancellationToken)
    {
        PaymentEntity payment;
        using (PayFunctionsTelemetry.Source.StartActivity(PayFunctionsTelemetry.PaymentWaitSpan))
        {
            payment = await WaitForAsync(merchantId, paymentId, known, p => !PaymentResource.OrderQueued(p), cancellationToken, prefer.Wait);
        }

        if (prefer.Applied is { } applied)
        {
            response.Headers["Preference-Applied"] = applied;
        }

        var json = JsonSerializer.Serialize(await checkoutLinks.ResourceAsync(payment, cancellationToken), ApiJson.Options);
        if (!PaymentResource.OrderQueued(payment))
        {
            return new StoredResponse(StatusCodes.Status201Created, json, "application/json");
        }

        response.Headers.Location = "/api/" + ApiRoutes.GetPayment.Template.Replace("{id}", paymentId, StringComparison.Ordinal);
        return new StoredResponse(StatusCodes.Status202Accepted, json, "application/json");
    }

    /// <summary>
    /// A retry of a create that was answered 202 answers the same payment as it is now, waiting again as
    /// the retry prefers, rather than the stale 202 for as long as the key is kept. Every other answer is replayed as stored.
    /// </summary>
    private async Task<IResult?> RefreshAcceptedAsync(string merchantId, StoredResponse stored, PreferWait prefer, HttpResponse response, CancellationToken cancellationToken)
    {
        if (stored.Status != StatusCodes.Status202Accepted
            || JsonSerializer.Deserialize<PaymentIdOnly>(stored.Json, ApiJson.Options)?.Id is not { } paymentId || !PaymentIds.IsWellFormed(paymentId))
        {
            return null;
        }

        return (await AnswerCreatedAsync(merchantId, paymentId, null, prefer, response, cancellationToken)).ToResult();
    }

    /// <summary>
    /// The orchestration does the channel work; the API answers once it shows in the payment row, so
    /// the merchant gets the QR code in the create answer. The activity that writes the row hands it to
    /// this wait when it ran in this process; otherwise a poll, slower the longer it waits, reads it.
    /// <paramref name="known"/> is the row as the caller just wrote it, so it need not be read back.
    /// After the wait it answers what there is.
    /// </summary>
    private async Task<PaymentEntity> WaitForAsync(
        string merchantId, string paymentId, PaymentEntity? known, Func<PaymentEntity, bool> done, CancellationToken cancellationToken, TimeSpan? wait = null)
    {
        var deadline = time.GetUtcNow() + (wait ?? SettleWait);
        var poll = FirstPoll;
        try
        {
            var next = progress.NextAsync(paymentId);
            var payment = known ?? await ReadAsync(merchantId, paymentId, cancellationToken);
            while (!done(payment) && time.GetUtcNow() is var now && now < deadline)
            {
                var pause = Task.Delay(poll < deadline - now ? poll : deadline - now, time, cancellationToken);
                if (await Task.WhenAny(next, pause) == next)
                {
                    payment = await next;
                    next = progress.NextAsync(paymentId);
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                payment = await ReadAsync(merchantId, paymentId, cancellationToken);
                poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
            }

            return payment;
        }
        finally
        {
            progress.Forget(paymentId);
        }
    }

    private async Task<PaymentEntity> ReadAsync(string merchantId, string paymentId, CancellationToken cancellationToken) =>
        await payments.GetAsync(merchantId, paymentId, cancellationToken) ?? throw new InvalidOperationException($"Payment {paymentId} vanished.");

    private sealed record PaymentIdOnly(string? Id);

    internal sealed record PaymentList(string Object, string Url, IReadOnlyList<PaymentResource> Data, bool HasMore);
}
