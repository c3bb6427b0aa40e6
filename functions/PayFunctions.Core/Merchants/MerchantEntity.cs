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

    /// <summary>
    /// Key Vault names allow only letters, digits and dashes; merchant ids are letters, digits and
    /// underscores, so underscores become dashes ("mch_demo" → "merchant-mch-demo-webhook-secret").
    /// </summary>
    public static string WebhookSecretName(string merchantId) => $"merchant-{merchantId.Replace('_', '-')}-webhook-secret";
}
