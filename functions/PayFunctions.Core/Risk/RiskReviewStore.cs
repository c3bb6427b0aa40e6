using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Risk;

/// <summary>
/// The queue of payments held for review, across merchants: one partition, one row per payment under its id, so the
/// newest payment reads first (payment ids sort newest first) and a repeated opening finds its row. Reviews are the
/// exception, so one partition holds them; a list by status filters it.
/// </summary>
public sealed class RiskReviewStore(StorageClients clients)
{
    private const string Partition = "reviews";

    private TableClient Table => clients.Tables.GetTableClient(TableNames.RiskReviews);

    /// <summary>Lists <paramref name="payment"/> for review; a second call leaves the first row as it stands.</summary>
    public async Task OpenAsync(PaymentEntity payment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        try
        {
            await Table.AddEntityAsync(
                new RiskReviewEntity
                {
                    PartitionKey = Partition,
                    RowKey = payment.Id,
                    MerchantId = payment.MerchantId,
                    Amount = payment.Amount,
                    Currency = payment.Currency,
                    OpenedAt = at,
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Opened by an earlier run of the same decision.
        }
    }

    /// <summary>
    /// Lists <paramref name="payment"/> for review again when an operator released it before its money came and the money
    /// now comes from a payer a sanctions list names: the release was about other facts, and frozen money is not owed.
    /// </summary>
    public async Task ReopenAsync(PaymentEntity payment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        await OpenAsync(payment, at, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            if (await GetAsync(payment.Id, cancellationToken) is not { Status: RiskReviews.Released } review)
            {
                return;
            }

            review.Status = RiskReviews.Pending;
            review.OpenedAt = at;
            review.ReleasedAt = null;
            review.ReleasedBy = null;
            review.Note = null;
            try
            {
                await Table.UpdateEntityAsync(review, review.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 8)
            {
                // Changed meanwhile: read it again.
            }
        }
    }

    public async Task<RiskReviewEntity?> GetAsync(string paymentId, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<RiskReviewEntity>(Partition, paymentId, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Marks the review released by <paramref name="operatorActor"/> under its ETag; false when it was no longer pending.</summary>
    public async Task<bool> ReleaseAsync(RiskReviewEntity review, string operatorActor, string note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Status != RiskReviews.Pending)
        {
            return false;
        }

        review.Status = RiskReviews.Released;
        review.ReleasedBy = operatorActor;
        review.ReleasedAt = at;
        review.Note = note;
        try
        {
            await Table.UpdateEntityAsync(review, review.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Closes the review of <paramref name="ended"/>, whose row says it is voided, with the reason its end gives; a review
    /// already closed stays as it is, so the completion and an operator's release may both call it, in either order.
    /// </summary>
    public async Task VoidAsync(PaymentEntity ended, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var reason = RiskReviews.VoidReasonOf(ended) ?? throw new InvalidOperationException($"Payment {ended.Id} has not ended without money.");
        while (await GetAsync(ended.Id, cancellationToken) is { Status: RiskReviews.Pending } review)
        {
            review.Status = RiskReviews.Voided;
            review.VoidedAt = at;
            review.VoidReason = reason;
            try
            {
                await Table.UpdateEntityAsync(review, review.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another run voided it meanwhile; the read again finds it closed.
            }
        }
    }

    /// <summary>Reviews in <paramref name="status"/>, newest payment first; after <paramref name="startingAfter"/> when given.</summary>
    public async Task<(IReadOnlyList<RiskReviewEntity> Page, bool HasMore)> ListAsync(string status, int limit, string? startingAfter, CancellationToken cancellationToken)
    {
        var filter = startingAfter is { } after
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {after} and Status eq {status}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Status eq {status}");
        return await TablePages.TakeAsync(Table.QueryAsync<RiskReviewEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken), limit);
    }
}
