namespace PayFunctions.Core.Secrets;

/// <summary>
/// A developer machine's stand-in for Key Vault: one file per secret, named after the secret.
/// The channel sandbox writes its generated keys here the way a merchant downloads them from a portal.
/// </summary>
public sealed class LocalDirectorySecretStore(string directory) : ISecretStore
{
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathFor(name);
        return File.Exists(path) ? (await File.ReadAllTextAsync(path, cancellationToken)).Trim() : null;
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var temp = PathFor(name) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temp, value, cancellationToken);
        File.Move(temp, PathFor(name), overwrite: true);
    }

    private string PathFor(string name)
    {
        // Key Vault's own rule (letters, digits, dashes), so a name that works here works in Azure too.
        if (name.Length is 0 or > 127 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            throw new ArgumentException($"'{name}' is not a valid secret name.", nameof(name));
        }

        return Path.Combine(directory, name);
    }
}
