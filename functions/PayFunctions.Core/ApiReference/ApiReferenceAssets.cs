using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using PayFunctions.Core.Consoles;

namespace PayFunctions.Core.ApiReference;

/// <summary>
/// The reference pages' files, embedded in this assembly at build time (the page's shell, script and style, and the
/// renderer from node_modules), read once. As with the consoles, nothing is fetched from elsewhere at run time and a
/// request can only ever name one of these.
/// </summary>
public static class ApiReferenceAssets
{
    private const string ResourcePrefix = "apidocs/";

    private static readonly FrozenDictionary<string, ConsoleAsset> Assets = Load();

    public static IReadOnlyCollection<string> Names => Assets.Keys;

    public static ConsoleAsset? Find(string? name) => name is not null && Assets.TryGetValue(name, out var asset) ? asset : null;

    /// <summary>The asset that must exist: the shell page names these.</summary>
    public static ConsoleAsset Required(string name) =>
        Find(name) ?? throw new InvalidOperationException($"The API reference asset {name} is not embedded; the build embeds ApiReference/Assets and the renderer from node_modules (run npm ci).");

    private static FrozenDictionary<string, ConsoleAsset> Load()
    {
        var assembly = typeof(ApiReferenceAssets).Assembly;
        var assets = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
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
        _ => throw new InvalidOperationException($"The API reference asset {name} has no known content type."),
    };
}
