using System.Runtime.Serialization;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Merchants;

public sealed class MerchantEntity : TableRow
{
    public const string Partition = "merchant";

    public MerchantEntity() => PartitionKey = Partition;

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
