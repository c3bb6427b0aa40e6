using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Merchants;

/// <summary>An API key, known only by its keyed hash; the visible prefix helps a merchant tell keys apart.</summary>
public sealed class ApiKeyEntity : TableRow
{
    public const string Row = "key";

    public ApiKeyEntity() => RowKey = Row;

    public string MerchantId { get; set; } = "";

    public string Prefix { get; set; } = "";
}
