using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using PayFunctions.Domain;

namespace PayFunctions.Core.Merchants;

public sealed class MerchantEntity : ITableEntity
{
    public const string Partition = "merchant";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Name { get; set; } = "";

    public string? WebhookUrl { get; set; }

    public int FeeBasisPoints { get; set; }

    public long FeeFixedMinorUnits { get; set; }

    [IgnoreDataMember]
    public string Id => RowKey;

    [IgnoreDataMember]
    public FeeSchedule Fee => new(FeeBasisPoints, FeeFixedMinorUnits);

    public static string WebhookSecretName(string merchantId) => $"merchant-{merchantId}-webhook-secret";
}
