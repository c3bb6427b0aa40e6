using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Security;
using PayFunctions.Domain;

namespace PayFunctions.Core.Refunds;

/// <summary>The merchant-facing refunds resource: create and list under a payment, retrieve by id.</summary>
public sealed class RefundEndpoints(
    PaymentStore payments,
    RefundStore refunds,
    RefundStarter starter,
    IdempotentPost idempotentPost,
    RefundIds ids,
    TimeProvider time)
{
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public async Task<IResult> CreateAsync(HttpRequest request, string paymentId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        // Every field is optional, so an empty body asks for a full refund.
        var (body, parsed, parseError) = await RequestBody.ReadAsync(request, new CreateRefundRequest(null, null, null), cancellationToken);
        if (parseError is not null)
        {
            return parseError.ToResult();
        }

        var (valid, invalid) = CreateRefundValidator.Validate(parsed!);
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var payment = PaymentIds.IsWellFormed(paymentId) ? await payments.GetAsync(merchant.Id, paymentId, cancellationToken) : null;
        if (payment is null)
        {
            return ApiError.NotFound("payment", "id").ToResult();
        }

        if (payment.StatusValue != PaymentStatus.Succeeded)
        {
            return new ApiError(
                StatusCodes.Status409Conflict,
                "payment_unexpected_state",
                "Only a succeeded payment can be refunded.",
                $"This payment is {JsonNamingPolicy.SnakeCaseLower.ConvertName(payment.Status)}.",
                "id").ToResult();
        }

        if (payment.RiskReview == RiskReviews.Pending)
        {
            // Its money sits in the parties' risk-hold accounts, not their payables, until an operator releases it.
            return new ApiError(
                StatusCodes.Status409Conflict,
                "payment_under_review",
                "A payment held for risk review cannot be refunded until it is released.",
                "Risk sent this payment to review; an operator's release makes it refundable.",
                "id").ToResult();
        }

        var operations = ChannelRegistry.Module(payment.Channel).Capabilities;
        if (!operations.Supports(ChannelOperations.Refund))
        {
            return RefundUnsupported("This payment's channel does not refund.").ToResult();
        }

        return await idempotentPost.RunAsync(
            request,
            merchant.Id,
            body!,
            ids.NewId,
            refundId => CreateWithIdAsync(payment, valid!, refundId, operations.Supports(ChannelOperations.PartialRefund), durable, cancellationToken),
            cancellationToken);
    }

    public async Task<IResult> ListAsync(HttpRequest request, string paymentId, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var payment = PaymentIds.IsWellFormed(paymentId) ? await payments.GetAsync(merchant.Id, paymentId, cancellationToken) : null;
        if (payment is null)
        {
            return ApiError.NotFound("payment", "id").ToResult();
        }

        var (limit, startingAfter, invalid) = ListQuery.Parse(request, RefundIds.IsWellFormed, "a refund");
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var (page, hasMore) = await refunds.ListAsync(merchant.Id, paymentId, limit, startingAfter, cancellationToken);
        return Results.Json(
            new RefundList("list", $"/api/v1/payments/{paymentId}/refunds", [.. page.Select(RefundResource.From)], hasMore), ApiJson.Options);
    }

    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var refund = RefundIds.IsWellFormed(id) ? await refunds.GetAsync(merchant.Id, id, cancellationToken) : null;
        return refund is null
            ? ApiError.NotFound("refund", "id").ToResult()
            : Results.Json(RefundResource.From(refund), ApiJson.Options);
    }

    private async Task<StoredResponse> CreateWithIdAsync(
        PaymentEntity payment, CreateRefundValidator.Valid valid, string refundId, bool partialAllowed, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (outcome, refund) = await starter.StartAsync(
            durable, payment, refundId, valid.Amount, valid.Reason, valid.MetadataJson, partialAllowed, cancellationToken);
        var error = outcome switch
        {
            RefundReservation.TooLarge => new ApiError(
                StatusCodes.Status400BadRequest,
                "amount_too_large",
                "The refund is larger than what is left to refund on this payment.",
                "amount must be at least 1 and at most the payment's amount less its pending and succeeded refunds.",
                "amount"),
            RefundReservation.LimitReached => new ApiError(
                StatusCodes.Status400BadRequest,
                "refund_limit_reached",
                "This payment has as many refunds as it may have.",
                $"A payment may have at most {RefundBalanceStore.MaxRefundsPerPayment} refunds.",
                "id"),
            RefundReservation.PartialUnsupported => RefundUnsupported("This payment's channel refunds only the whole payment."),
            _ => null,
        };
        if (error is not null)
        {
            return new StoredResponse(error.Status, error.ToJson(), ApiError.ContentType);
        }

        var settled = await WaitForAsync(refund!, cancellationToken);
        return new StoredResponse(StatusCodes.Status201Created, JsonSerializer.Serialize(RefundResource.From(settled), ApiJson.Options), "application/json");
    }

    /// <summary>A channel that answers at once (or within a moment) shows its answer in the create's response; others stay pending.</summary>
    private async Task<RefundEntity> WaitForAsync(RefundEntity refund, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + SettleWait;
        var current = refund;
        while (current.Status == RefundStatuses.Pending && time.GetUtcNow() < deadline)
        {
            await Task.Delay(Poll, time, cancellationToken);
            current = await refunds.GetAsync(refund.MerchantId, refund.RefundId, cancellationToken) ?? current;
        }

        return current;
    }

    private static ApiError RefundUnsupported(string detail) =>
        new(StatusCodes.Status400BadRequest, "refund_unsupported", "This payment cannot be refunded this way.", detail, "amount");

    internal sealed record RefundList(string Object, string Url, IReadOnlyList<RefundResource> Data, bool HasMore);
}
