namespace PayFunctions.Core.Stores;

/// <summary>A store as merchants see it: its code address to print, and the QR images of it.</summary>
public sealed record StoreResource(
    string Id,
    string Object,
    string Name,
    long? Amount,
    string Currency,
    string CodeUrl,
    string QrPngUrl,
    string QrSvgUrl,
    DateTimeOffset CreatedAt)
{
    public static StoreResource From(StoreEntity store, Uri publicBase)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new StoreResource(
            store.Id,
            "store",
            store.Name,
            store.Amount,
            store.Currency.ToLowerInvariant(),
            AddressOf(store, publicBase),
            new Uri(publicBase, $"api/v1/stores/{store.Id}/qr.png").AbsoluteUri,
            new Uri(publicBase, $"api/v1/stores/{store.Id}/qr.svg").AbsoluteUri,
            store.CreatedAt);
    }

    public static string AddressOf(StoreEntity store, Uri publicBase)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new Uri(publicBase, $"api/s/{store.Code}").AbsoluteUri;
    }
}
