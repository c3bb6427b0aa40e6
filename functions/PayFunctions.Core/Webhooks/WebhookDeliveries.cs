using Azure.Data.Tables;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Webhooks;

/// <summary>
/// Reads the event rows <see cref="WebhookSender"/> keeps, one partition per merchant. Event ids begin with their
/// subject's newest-first id, so the partition reads newest first and one subject's events are one key range.
/// </summary>
public sealed class WebhookDeliveries(StorageClients clients)
{
    // Event ids run from "evt_" up to, not including, "evt`" ('`' follows '_').
    private const string EventsStart = "evt_";
    private const string EventsEnd = "evt`";

    private TableClient Events => clients.Tables.GetTableClient(TableNames.WebhookEvents);

    public async Task<(IReadOnlyList<WebhookEventEntity> Page, bool HasMore)> ListAsync(
        string merchantId, int limit, string? startingAfter, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {merchantId} and RowKey gt {startingAfter ?? EventsStart} and RowKey lt {EventsEnd}");
        return await TablePages.TakeAsync(Events.QueryAsync<WebhookEventEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken), limit);
    }

    /// <summary>
    /// The events about one payment or refund: their ids are <c>evt_</c>, the subject's id without its prefix, and
    /// the event's kind, so <paramref name="subjectIdBody"/> (that id without its prefix) bounds one key range.
    /// </summary>
    public async Task<IReadOnlyList<WebhookEventEntity>> ForSubjectAsync(string merchantId, string subjectIdBody, CancellationToken cancellationToken)
    {
        var from = EventsStart + subjectIdBody + "_";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey gt {from} and RowKey lt {from + "~"}");
        var rows = new List<WebhookEventEntity>();
        await foreach (var row in Events.QueryAsync<WebhookEventEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}
