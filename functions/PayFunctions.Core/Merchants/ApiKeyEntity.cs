using Azure;
using Azure.Data.Tables;

namespace PayFunctions.Core.Merchants;

/// <summary>An API key, known only by its keyed hash; the visible prefix helps a merchant tell keys apart.</summary>
public sealed class ApiKeyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "key";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string MerchantId { get; set; } = "";

    public string Prefix { get; set; } = "";
}
