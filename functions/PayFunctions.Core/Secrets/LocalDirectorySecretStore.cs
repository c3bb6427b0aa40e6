using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Core.Secrets;

/// <summary>
/// A developer machine's stand-in for Key Vault: one file per secret, named after the secret.
/// The channel sandbox writes its generated keys here the way a merchant downloads them from a portal.
/// A file holds one version; its id is derived from the value, so something sealed under a value
/// that was since replaced fails to open instead of opening wrongly.
/// </summary>
public sealed class LocalDirectorySecretStore(string directory) : ISecretStore
{
    public async Task<SecretVersion?> GetCurrentAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathFor(name);
        if (!File.Exists(path))
        {
            return null;
        }

        var value = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        return new SecretVersion(value, VersionOf(value));
    }

    public async Task<string?> GetVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        var current = await GetCurrentAsync(name, cancellationToken);
        return current is not null && current.Version == version ? current.Value : null;
    }

    /// <summary>Only development seeding writes; the app itself never does (see <see cref="ISecretStore"/>).</summary>
    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var temp = PathFor(name) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temp, value, cancellationToken);
        File.Move(temp, PathFor(name), overwrite: true);
    }

    private static string VersionOf(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];

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
