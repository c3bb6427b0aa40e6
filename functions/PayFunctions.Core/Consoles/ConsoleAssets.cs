using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace PayFunctions.Core.Consoles;

/// <summary>One file of the consoles: its bytes, its type, and the digest that names its version.</summary>
public sealed record ConsoleAsset(string Name, byte[] Content, string ContentType, string Version)
{
    /// <summary>A strong ETag: the digest of the bytes, so two builds with the same file answer 304 to each other's copy.</summary>
    public string ETag => $"\"{Version}\"";
}

/// <summary>
/// The consoles' files, embedded in this assembly at build time (the project's own scripts and styles, and the
/// charting library and map from node_modules), read once. Nothing is fetched from elsewhere at run time, and
/// the set of names is fixed, so a request can only ever name one of them.
/// </summary>
public static class ConsoleAssets
{
    private const string ResourcePrefix = "console/";

    private static readonly FrozenDictionary<string, ConsoleAsset> Assets = LoadEmbedded(ResourcePrefix);

    public static IReadOnlyCollection<string> Names => Assets.Keys;

    public static ConsoleAsset? Find(string? name) => name is not null && Assets.TryGetValue(name, out var asset) ? asset : null;

    /// <summary>The asset that must exist: the shell pages name these.</summary>
    public static ConsoleAsset Required(string name) =>
        Find(name) ?? throw new InvalidOperationException($"The console asset {name} is not embedded; the build embeds Consoles/Assets and the charting files from node_modules (run npm ci).");

    /// <summary>The embedded files whose resource names start with <paramref name="prefix"/>, by their names after it.</summary>
    internal static FrozenDictionary<string, ConsoleAsset> LoadEmbedded(string prefix)
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var assets = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            var content = Read(assembly, resource);
            var version = Convert.ToHexStringLower(SHA256.HashData(content))[..20];
            assets[name] = new ConsoleAsset(name, content, ContentTypeOf(name), version);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => throw new InvalidOperationException($"The embedded asset {name} has no known content type."),
    };
}
