namespace PayFunctions.Core.Secrets;

/// <summary>Key Vault in Azure; a directory of one-file-per-secret on a developer machine.</summary>
public sealed class SecretsOptions
{
    public const string SectionName = "Secrets";

    public Uri? KeyVaultUri { get; set; }

    public string? LocalDirectory { get; set; }

    public bool IsValid() => KeyVaultUri is not null ^ !string.IsNullOrWhiteSpace(LocalDirectory);
}
