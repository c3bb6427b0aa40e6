using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Security;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Operators;

/// <summary>
/// Operators and their keys. The bootstrap operator is the one identity not in the table: its key
/// is the Key Vault secret <see cref="BootstrapKeySecretName"/>, so a new deployment has a way in
/// that names itself in the audit trail; it creates the named operators, and deleting the secret
/// ends it. An accepted operator row is kept <see cref="ApiKeyStore.AcceptedFor"/>, as API keys are.
/// </summary>
public sealed class OperatorStore(StorageClients clients, ISecretStore secrets, TimeProvider time)
{
    public const string BootstrapKeySecretName = "bootstrap-operator-key";
    public const string BootstrapOperatorId = "op_bootstrap";

    private const int MaxKept = 1_000;
    private readonly ConcurrentDictionary<string, (OperatorEntity Operator, DateTimeOffset Until)> kept = new(StringComparer.Ordinal);
    private long generation;

    private TableClient Table => clients.Tables.GetTableClient(TableNames.Operators);

    public string NewOperatorId() => NewestFirstIds.New(OperatorEntity.IdPrefix, time);

    public static bool IsOperatorId(string? id) => NewestFirstIds.IsWellFormed(id, OperatorEntity.IdPrefix);

    /// <summary>The caller a presented operator key or bootstrap key belongs to; null when it is neither.</summary>
    public async Task<OperatorCaller?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (OperatorKeys.OperatorOf(presented, OperatorEntity.IdPrefix) is not { } id)
        {
            return await IsBootstrapKeyAsync(presented, cancellationToken) ? Bootstrap : null;
        }

        var row = await AcceptedAsync(id, cancellationToken);
        var hash = await HashAsync(presented, cancellationToken);
        return row is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.KeyHash), Encoding.ASCII.GetBytes(hash))
            ? new OperatorCaller(row.Id, row.GrantedScopes)
            : null;
    }

    /// <summary>The operator a token names, while it is enabled; the bootstrap operator while its key exists.</summary>
    public async Task<OperatorCaller?> AcceptedCallerAsync(string operatorId, CancellationToken cancellationToken)
    {
        if (operatorId == BootstrapOperatorId)
        {
            return await secrets.GetAsync(BootstrapKeySecretName, cancellationToken) is { Length: > 0 } ? Bootstrap : null;
        }

        return IsOperatorId(operatorId) && await AcceptedAsync(operatorId, cancellationToken) is { } row
            ? new OperatorCaller(row.Id, row.GrantedScopes)
            : null;
    }

    /// <summary>Inserts a new operator with a new key, shown only in the returned secret.</summary>
    public async Task<(OperatorEntity Operator, string Key)> CreateAsync(
        string operatorId, string name, IReadOnlySet<string> scopes, string createdBy, CancellationToken cancellationToken)
    {
        var key = OperatorKeys.New(operatorId);
        var row = new OperatorEntity
        {
            PartitionKey = operatorId,
            Name = name,
            Scopes = ApiScopes.Format(scopes),
            KeyHash = await HashAsync(key, cancellationToken),
            KeyPrefix = key[..(OperatorKeys.Prefix.Length + OperatorEntity.IdPrefix.Length + 6)],
            CreatedAt = time.GetUtcNow(),
            CreatedBy = createdBy,
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        Forget();
        return (row, key);
    }

    public async Task<OperatorEntity?> GetAsync(string operatorId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<OperatorEntity>(operatorId, OperatorEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    public async Task<IReadOnlyList<OperatorEntity>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<OperatorEntity>();
        await foreach (var row in Table.QueryAsync<OperatorEntity>(cancellationToken: cancellationToken))
        {
            list.Add(row);
        }

        return list;
    }

    /// <summary>Takes effect at once here and within the keep time elsewhere; disabling twice changes nothing.</summary>
    public async Task<OperatorEntity?> DisableAsync(string operatorId, CancellationToken cancellationToken)
    {
        var row = await GetAsync(operatorId, cancellationToken);
        if (row is null || row.DisabledAt is not null)
        {
            return row;
        }

        row.DisabledAt = time.GetUtcNow();
        try
        {
            await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return await DisableAsync(operatorId, cancellationToken);
        }
        finally
        {
            Forget();
        }

        return row;
    }

    private static OperatorCaller Bootstrap { get; } = new(BootstrapOperatorId, ApiScopes.Operator.ToHashSet(StringComparer.Ordinal));

    private async Task<bool> IsBootstrapKeyAsync(string presented, CancellationToken cancellationToken) =>
        await secrets.GetAsync(BootstrapKeySecretName, cancellationToken) is { Length: > 0 } expected
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    private async Task<OperatorEntity?> AcceptedAsync(string operatorId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (kept.TryGetValue(operatorId, out var known) && known.Until > now)
        {
            return known.Operator;
        }

        var readAt = Interlocked.Read(ref generation);
        var row = await GetAsync(operatorId, cancellationToken);
        if (row is null || row.DisabledAt is not null)
        {
            kept.TryRemove(operatorId, out _);
            return null;
        }

        if (kept.Count >= MaxKept)
        {
            kept.Clear();
        }

        if (Interlocked.Read(ref generation) == readAt)
        {
            kept[operatorId] = (row, now + ApiKeyStore.AcceptedFor);
        }

        return row;
    }

    private void Forget()
    {
        Interlocked.Increment(ref generation);
        kept.Clear();
    }

    private Task<string> HashAsync(string key, CancellationToken cancellationToken) => ApiKeyHasher.HashAsync(secrets, key, cancellationToken);
}
