using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Screening;

/// <summary>
/// The hits screening found, in table <see cref="TableNames.ScreeningHits"/>. Hits are an operator's queue, rare next
/// to payments, so they share one partition: a hit is a point read by its id, a status list and the parties held are
/// one query each. A hit is recorded once per party and list entry; recording it again leaves its review alone,
/// except that a dismissed hit is raised again when the entry's names changed since.
/// </summary>
public sealed class ScreeningHitStore(StorageClients clients)
{
    public const string Partition = "hit";

    private const int MaxConcurrencyRetries = 8;

    private TableClient Table => clients.Tables.GetTableClient(TableNames.ScreeningHits);

    /// <summary>Records <paramref name="hit"/> on <paramref name="party"/> and returns the hit as it stands.</summary>
    public async Task<ScreeningHitEntity> RecordAsync(ScreenedParty party, ScreeningHit hit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(hit);
        var found = new ScreeningHitEntity
        {
            PartitionKey = Partition,
            RowKey = ScreeningHitIds.For(party, hit.Entry.Source, hit.Entry.Id),
            PartyType = party.Type,
            PartyId = party.Id,
            MerchantId = party.MerchantId,
            PartyName = party.Name,
            ListSource = SanctionsListCodes.Of(hit.Entry.Source),
            EntryId = hit.Entry.Id,
            EntryReference = hit.Entry.Reference,
            EntryName = hit.Entry.PrimaryName,
            Programmes = string.Join(',', hit.Entry.Programmes),
            MatchedName = hit.MatchedName,
            MatchedQuality = hit.Quality.ToString().ToLowerInvariant(),
            Score = Math.Round(hit.Score, 4),
            EntryNamesHash = ScreeningHitIds.NamesHash(hit.Entry),
            Status = ScreeningHitStatuses.PendingReview,
            CreatedAt = now,
            UpdatedAt = now,
        };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                found.ETag = (await Table.AddEntityAsync(found, cancellationToken)).Headers.ETag ?? default;
                return found;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Found before: its review stands unless what was dismissed is no longer what the list says.
            }

            var stored = await GetAsync(found.RowKey, cancellationToken)
                ?? throw new InvalidOperationException($"Screening hit {found.RowKey} vanished after a conflicting insert.");
            if (stored.Status != ScreeningHitStatuses.Dismissed || stored.EntryNamesHash == found.EntryNamesHash)
            {
                return stored;
            }

            found.CreatedAt = stored.CreatedAt;
            try
            {
                found.ETag = (await Table.UpdateEntityAsync(found, stored.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? default;
                return found;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxConcurrencyRetries)
            {
                // Reviewed or raised meanwhile; read it again and re-decide.
            }
        }
    }

    public async Task<ScreeningHitEntity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<ScreeningHitEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Hits in <paramref name="status"/> in id order, after <paramref name="startingAfter"/>.</summary>
    public async Task<(IReadOnlyList<ScreeningHitEntity> Page, bool HasMore)> ListAsync(
        string status, int limit, string? startingAfter, CancellationToken cancellationToken)
    {
        var filter = startingAfter is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Status eq {status}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Status eq {status} and RowKey gt {startingAfter}");
        return await TablePages.TakeAsync(Table.QueryAsync<ScreeningHitEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken), limit);
    }

    /// <summary>Moves a pending hit to <paramref name="status"/>; false when it was no longer pending at its ETag.</summary>
    public async Task<bool> ReviewAsync(
        ScreeningHitEntity hit, string status, string note, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hit);
        if (hit.Status != ScreeningHitStatuses.PendingReview)
        {
            return false;
        }

        hit.Status = status;
        hit.ReviewedBy = actor;
        hit.ReviewedAt = now;
        hit.ReviewNote = note;
        hit.UpdatedAt = now;
        try
        {
            hit.ETag = (await Table.UpdateEntityAsync(hit, hit.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>
    /// The parties with a hit pending review or confirmed: those not to be paid. Payers are not among them: the platform
    /// pays no payer, and a payer's hit holds its own payment's money instead (<see cref="OpenOnPayerOfAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<(string PartyType, string PartyId)>> HeldPartiesAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition} and PartyType ne {ScreenedPartyTypes.Payer} and (Status eq {ScreeningHitStatuses.PendingReview} or Status eq {ScreeningHitStatuses.Confirmed})");
        var held = new List<(string, string)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["PartyType", "PartyId"], cancellationToken: cancellationToken))
        {
            held.Add((row.GetString("PartyType"), row.GetString("PartyId")));
        }

        return held;
    }

    /// <summary>The hits pending review or confirmed on the payer of <paramref name="paymentId"/>: while there is one, its money stays held.</summary>
    public async Task<IReadOnlyList<ScreeningHitEntity>> OpenOnPayerOfAsync(string paymentId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition} and PartyType eq {ScreenedPartyTypes.Payer} and PartyId eq {paymentId} and (Status eq {ScreeningHitStatuses.PendingReview} or Status eq {ScreeningHitStatuses.Confirmed})");
        var open = new List<ScreeningHitEntity>();
        await foreach (var row in Table.QueryAsync<ScreeningHitEntity>(filter, cancellationToken: cancellationToken))
        {
            open.Add(row);
        }

        return open;
    }
}
