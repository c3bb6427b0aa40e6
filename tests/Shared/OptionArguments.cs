using System.Globalization;

namespace PayFunctions.CommandLine;

/// <summary>
/// A command line of <c>--name value</c> pairs, every name one the program knows. Each typed read checks its value's
/// range and falls back to the program's default when the name was not given; a name given twice takes the last value.
/// </summary>
internal sealed class OptionArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">A name has no value, or is not one of <paramref name="names"/>.</exception>
    public OptionArguments(IReadOnlyList<string> args, params string[] names)
    {
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            if (!names.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Unknown option {name}.");
            }

            values[name] = args[i + 1];
        }
    }

    public string? Text(string name) => values.GetValueOrDefault(name);

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    /// <exception cref="ArgumentException">The value is not a whole number from <paramref name="min"/> to <paramref name="max"/>.</exception>
    public int WholeNumber(string name, int fallback, int min, int max) =>
        !values.TryGetValue(name, out var value) ? fallback
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max ? parsed
        : throw new ArgumentException($"{name} must be a whole number from {min} to {max}.");

    /// <exception cref="ArgumentException">The value is not a number from <paramref name="min"/> to <paramref name="max"/>.</exception>
    public double Number(string name, double fallback, double min, double max) =>
        !values.TryGetValue(name, out var value) ? fallback
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max ? parsed
        : throw new ArgumentException($"{name} must be a number from {min} to {max}.");
}
