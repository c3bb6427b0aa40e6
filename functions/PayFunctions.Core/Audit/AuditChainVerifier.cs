using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Audit;

/// <summary>
/// Walks the whole chain, newest first as it is stored, and names the lowest sequence number at which it breaks:
/// a record whose content no longer gives its hash (altered), a number with no record (deleted), a record under
/// another record's number (reordered), or a record whose hash is not what the next one chained to (replaced, hash
/// and all). Cutting records off the newest end leaves a shorter chain that verifies: compare the head it reports
/// with one kept elsewhere (each append logs the head's hash).
/// </summary>
public sealed class AuditChainVerifier(StorageClients clients, IOptions<AuditOptions> options)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var table = clients.Tables.GetTableClient(TableNames.AuditEvents);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {options.Value.Chain}");
        var walk = new Walk();
        await foreach (var row in table.QueryAsync<AuditEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            walk.Visit(row);
        }

        return walk.End();
    }

    /// <summary>The checks, apart from storage so that they can be run over any rows.</summary>
    public sealed class Walk
    {
        private AuditEntity? newer;
        private long newerPosition;
        private bool newerSound;
        private AuditEntity? head;
        private long records;
        private (long Sequence, string Problem)? broken;

        /// <summary>The next row, in row-key order (newest first).</summary>
        public void Visit(AuditEntity row)
        {
            ArgumentNullException.ThrowIfNull(row);
            records++;
            if (!AuditChain.TryParseRowKey(row.RowKey, out var position))
            {
                // A row the chain never writes: it stands where it sorts, just below the newer record.
                Break(newer is null ? 1 : Math.Max(1, newerPosition - 1), AuditVerification.OutOfOrder);
                return;
            }

            head ??= row;
            var sound = true;
            if (row.Sequence != position)
            {
                Break(position, AuditVerification.OutOfOrder);
                sound = false;
            }
            else if (!string.Equals(Rehash(row), row.Hash, StringComparison.Ordinal))
            {
                Break(position, AuditVerification.Altered);
                sound = false;
            }

            if (newer is not null && newerPosition != position + 1)
            {
                Break(position + 1, AuditVerification.Missing);
            }
            else if (newer is not null && newerSound && !string.Equals(newer.PreviousHash, row.Hash, StringComparison.Ordinal))
            {
                // Only a sound record's link is evidence: an altered or misplaced one is already named at its own number.
                Break(position, AuditVerification.BrokenLink);
            }

            newer = row;
            newerPosition = position;
            newerSound = sound;
        }

        public AuditVerification End()
        {
            if (newer is not null)
            {
                if (newerPosition != 1)
                {
                    Break(1, AuditVerification.Missing);
                }
                else if (newerSound && !string.Equals(newer.PreviousHash, AuditChain.GenesisHash, StringComparison.Ordinal))
                {
                    Break(1, AuditVerification.BrokenLink);
                }
            }

            return new AuditVerification(
                broken is null,
                records,
                head?.Sequence,
                head?.Hash,
                broken?.Sequence,
                broken?.Problem);
        }

        private static string? Rehash(AuditEntity row)
        {
            try
            {
                return AuditChain.HashOf(row.PreviousHash, row);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>Rows come newest first, so a later break is at a lower number; the lowest is the first broken link.</summary>
        private void Break(long sequence, string problem)
        {
            if (broken is null || sequence < broken.Value.Sequence)
            {
                broken = (sequence, problem);
            }
        }
    }
}

/// <summary>What a walk of the chain found.</summary>
/// <param name="Records">Rows read.</param>
/// <param name="HeadSequence">The newest record's number.</param>
/// <param name="FirstBrokenSequence">The lowest sequence number at which the chain breaks; null when intact.</param>
/// <param name="Problem">What is wrong there: <c>altered</c>, <c>missing</c>, <c>out_of_order</c> or <c>broken_link</c>.</param>
public sealed record AuditVerification(bool Intact, long Records, long? HeadSequence, string? HeadHash, long? FirstBrokenSequence, string? Problem)
{
    public const string Altered = "altered";
    public const string Missing = "missing";
    public const string OutOfOrder = "out_of_order";
    public const string BrokenLink = "broken_link";
}
