namespace PayFunctions.Core.Storage;

/// <summary>
/// Where tables, blobs and queues live. Locally a connection string (Azurite); in Azure only the
/// account name, reached with the app's managed identity, so no key ever sits in app settings.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public string? AccountName { get; set; }

    public bool IsValid() => !string.IsNullOrWhiteSpace(ConnectionString) ^ !string.IsNullOrWhiteSpace(AccountName);
}
