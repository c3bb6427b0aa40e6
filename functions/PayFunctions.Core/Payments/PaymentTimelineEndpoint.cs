using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary><c>GET /api/v1/payments/{id}/timeline</c>: what happened to one of the caller's payments, oldest first.</summary>
public sealed class PaymentTimelineEndpoint(PaymentStore payments, PaymentTimeline timeline)
{
    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var merchant = ApiCaller.MerchantOf(request);
        if (merchant is null)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        // The payment is read in the caller's partition: another merchant's id finds nothing, as an unknown one does.
        var payment = PaymentIds.IsWellFormed(id) ? await payments.GetAsync(merchant.Id, id, cancellationToken) : null;
        if (payment is null)
        {
            return ApiError.NotFound("payment", "id").ToResult();
        }

        var events = await timeline.ReadAsync(payment, cancellationToken);
        return Results.Json(new PaymentTimelineList("list", $"/api/v1/payments/{id}/timeline", events, false), ApiJson.Options);
    }
}

public sealed record PaymentTimelineList(string Object, string Url, IReadOnlyList<PaymentTimelineEvent> Data, bool HasMore);
