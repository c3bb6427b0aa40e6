namespace PayFunctions.IntegrationTests.Security;

/// <summary>The secrets a run configures, which must not appear anywhere the platform writes.</summary>
public static class RunSecrets
{
    /// <summary>
    /// Every secret in the run's secrets directory (the pepper, the KEK, the admin key, every channel's private keys, API
    /// v3 keys and client secrets; public keys and certificates are not secret), and the keys the tests hold.
    /// </summary>
    public static IReadOnlyList<KnownSecret> From(string secretsDirectory, IEnumerable<(string Kind, string Value)> held)
    {
        var secrets = held.Select(h => new KnownSecret(h.Kind, h.Value)).ToList();
        foreach (var file in Directory.Exists(secretsDirectory) ? Directory.GetFiles(secretsDirectory) : [])
        {
            var name = Path.GetFileName(file);
            if (name.Contains("public", StringComparison.Ordinal) || name.Contains("cert", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            var value = File.ReadAllText(file).Trim();
            var kind = $"secret {name}";
            if (value.StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                // A key stored without its armour is still the key: its first line of base64 identifies it.
                secrets.AddRange(value.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 40 && !l.StartsWith("-----", StringComparison.Ordinal)).Take(1)
                    .Select(line => new KnownSecret(kind, line)));
            }
            else if (value.Length >= 12)
            {
                secrets.Add(new KnownSecret(kind, value));
            }
        }

        return secrets;
    }
}
