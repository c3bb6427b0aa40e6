using System.Collections.Frozen;
using PayFunctions.Core.Consoles;

namespace PayFunctions.Core.ApiReference;

/// <summary>
/// The reference pages' files, embedded in this assembly at build time (the page's shell, script and style, and the
/// renderer from node_modules), read once. As with the consoles, nothing is fetched from elsewhere at run time and a
/// request can only ever name one of these.
/// </summary>
public static class ApiReferenceAssets
{
    private static readonly FrozenDictionary<string, ConsoleAsset> Assets = ConsoleAssets.LoadEmbedded("apidocs/");

    public static IReadOnlyCollection<string> Names => Assets.Keys;

    public static ConsoleAsset? Find(string? name) => name is not null && Assets.TryGetValue(name, out var asset) ? asset : null;

    /// <summary>The asset that must exist: the shell page names these.</summary>
    public static ConsoleAsset Required(string name) =>
        Find(name) ?? throw new InvalidOperationException($"The API reference asset {name} is not embedded; the build embeds ApiReference/Assets and the renderer from node_modules (run npm ci).");
}
