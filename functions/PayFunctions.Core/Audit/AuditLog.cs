using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Audit;

/// <summary>
/// Appends events to the hash chain. The next sequence number is taken by inserting its row: an insert fails on a
/// number already taken (another instance won it), and the append then reads the head again and retries. The head is
/// cached, so an uncontended append is one storage request; appends of one instance are serialised so they never
/// contend with each other.
/// </summary>
/// <remarks>
/// An append never throws: callers append after their action succeeded and before they answer, and a failed append
/// must not turn a done action into an error. It is logged instead (event 11502) with the whole event, so the
/// record is still in the platform's logs.
/// </remarks>
public sealed partial class AuditLog(StorageClients clients, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditLog> logger) : IDisposable
{
    /// <summary>How long one append may take, retries included; independent of the caller's request, which may be gone.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private const int MaxAttempts = 100;
    private const int MaxSubjectLength = 200;
    private const int MaxDetailLength = 4096;
    private const int MaxRequestIdLength = 128;

    private readonly SemaphoreSlim gate = new(1, 1);
    private AuditEntity? head;

    private TableClient Table => clients.Tables.GetTableClient(TableNames.AuditEvents);

    private string Chain => options.Value.Chain;

    /// <summary>The appended record, or null when it could not be appended (logged).</summary>
    public async Task<AuditEntity?> AppendAsync(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var detail = AuditChain.CanonicalDetail(audit.Detail);
        if (Invalid(audit, detail) is { } problem)
        {
            LogRejected(logger, audit.Type, problem);
            return null;
        }

        using var timeout = new CancellationTokenSource(Timeout, time);
        try
        {
            await gate.WaitAsync(timeout.Token);
            try
            {
                for (var attempt = 1; attempt <= MaxAttempts; attempt++)
                {
                    head ??= await ReadHeadAsync(timeout.Token);
                    var record = Link(audit, detail, head);
                    try
                    {
                        await Table.AddEntityAsync(record, timeout.Token);
                        head = record;
                        LogAppended(logger, record.Sequence, record.Type, record.Hash);
                        return record;
                    }
                    catch (RequestFailedException e) when (e.Status == 409)
                    {
                        head = null;
                    }
                }

                LogNotAppended(logger, audit.Type, audit.Actor, audit.Subject, detail, audit.RequestId, null);
                return null;
            }
            finally
            {
                gate.Release();
            }
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException)
        {
            head = null;
            LogNotAppended(logger, audit.Type, audit.Actor, audit.Subject, detail, audit.RequestId, e);
            return null;
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>The newest record, or null for an empty chain: the first row of the partition.</summary>
    public async Task<AuditEntity?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Chain}");
        await foreach (var row in Table.QueryAsync<AuditEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return row;
        }

        return null;
    }

    private AuditEntity Link(AuditEvent audit, string detail, AuditEntity? previous)
    {
        // Time never goes back along the chain, so a time range is a contiguous run of sequence numbers.
        var now = AuditChain.ToMilliseconds(time.GetUtcNow());
        var record = new AuditEntity
        {
            PartitionKey = Chain,
            Sequence = (previous?.Sequence ?? 0) + 1,
            Type = audit.Type,
            Actor = audit.Actor,
            Subject = audit.Subject,
            Detail = detail,
            Time = previous is not null && previous.Time > now ? previous.Time : now,
            RequestId = audit.RequestId,
            PreviousHash = previous?.Hash ?? AuditChain.GenesisHash,
        };
        record.RowKey = AuditChain.RowKeyOf(record.Sequence);
        record.Hash = AuditChain.HashOf(record.PreviousHash, record);
        return record;
    }

    private static string? Invalid(AuditEvent audit, string detail) =>
        !AuditEventTypes.IsWellFormed(audit.Type) ? "type"
        : !AuditActors.IsWellFormed(audit.Actor) ? "actor"
        : audit.Subject is { } s && (s.Length is 0 or > MaxSubjectLength || s.Any(char.IsControl)) ? "subject"
        : audit.RequestId is { } r && (r.Length is 0 or > MaxRequestIdLength || r.Any(char.IsControl)) ? "request_id"
        : detail.Length > MaxDetailLength ? "detail"
        : null;

    [LoggerMessage(EventId = 11501, Level = LogLevel.Information, Message = "Audit record {Sequence} {Type} appended; chain head {Hash}")]
    private static partial void LogAppended(ILogger logger, long sequence, string type, string hash);

    [LoggerMessage(EventId = 11502, Level = LogLevel.Error, Message = "Audit event {Type} by {Actor} on {Subject} ({Detail}, request {RequestId}) could not be appended")]
    private static partial void LogNotAppended(ILogger logger, string type, string actor, string? subject, string detail, string? requestId, Exception? exception);

    [LoggerMessage(EventId = 11503, Level = LogLevel.Error, Message = "Audit event {Type} refused: its {Field} is malformed")]
    private static partial void LogRejected(ILogger logger, string type, string field);
}
