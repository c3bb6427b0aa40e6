using System.Text;

namespace PayFunctions.FuzzTests.Harness;

/// <summary>
/// The corpus kept in the repository, <c>corpus/&lt;target&gt;/</c>: <c>seed-*</c> files are valid samples to mutate,
/// <c>regression-*</c> files are inputs that once found a bug, replayed as they are on every run.
/// </summary>
public static class Corpus
{
    public static IReadOnlyList<byte[]> Seeds(string target) => Read(target, "seed-");

    public static IReadOnlyList<string> SeedTexts(string target) => [.. Seeds(target).Select(b => Encoding.UTF8.GetString(b))];

    public static IReadOnlyList<byte[]> Regressions(string target) => Read(target, "regression-");

    /// <summary>Seeds and regressions: what every run replays before generating.</summary>
    public static IReadOnlyList<byte[]> All(string target) => [.. Seeds(target), .. Regressions(target)];

    private static List<byte[]> Read(string target, string prefix)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "corpus", target);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.GetFiles(directory, prefix + "*").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
    }
}
