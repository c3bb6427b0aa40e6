using System.Runtime.Serialization;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Stores;

/// <summary>A merchant's store, partitioned by merchant; its printed code leads payers to pay it.</summary>
public sealed class StoreEntity : TableRow
{
    public const string IdPrefix = "store_";

    public string Name { get; set; } = "";

    /// <summary>The fixed amount in minor units, or null when the payer enters it.</summary>
    public long? Amount { get; set; }

    public string Currency { get; set; } = "";

    /// <summary>The random slug of the store's code address.</summary>
    public string Code { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    [IgnoreDataMember]
    public string Id => RowKey;

    [IgnoreDataMember]
    public string MerchantId => PartitionKey;
}

/// <summary>A store code, keyed by the code alone, pointing at its store's row.</summary>
public sealed class StoreCodeEntity : TableRow
{
    public string MerchantId { get; set; } = "";

    public string StoreId { get; set; } = "";
}
