using Azure.Data.Tables;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Secrets;

/// <summary>A table property that holds a sealed value, and the context its row seals it under.</summary>
public sealed record SealedField(string Table, string Property, Func<TableEntity, string> Context);

/// <summary>
/// Every sealed value kept in Tables, for the re-wrap. A new sealed field is added here, or the re-wrap leaves it under
/// an old KEK version (a test compares this list with the entity properties named <c>*Sealed</c>).
/// </summary>
public static class SealedFields
{
    public static IReadOnlyList<SealedField> Tables { get; } =
    [
        new(TableNames.Merchants, nameof(MerchantEntity.WebhookSecretSealed), row => MerchantEntity.WebhookSecretContext(row.PartitionKey)),
        new(TableNames.Merchants, nameof(ApiKeyEntity.SigningSecretSealed), row => ApiKeyEntity.SigningSecretContext(row.PartitionKey, row.RowKey)),
        new(TableNames.Accounts, nameof(AccountEntity.PayoutSealed), row => AccountEntity.PayoutContext(row.PartitionKey, row.RowKey)),
    ];

    /// <summary>
    /// Containers whose blobs are sealed under <c>{container}/{blob name}</c>: the whole blob, or, for a rejected
    /// notification's sample, its sealed body.
    /// </summary>
    public static IReadOnlyList<string> BlobContainers { get; } =
        [TableNames.NotificationArchiveContainer, ChannelInbox.ProcessedContainer, ChannelInbox.QuarantineContainer];
}
