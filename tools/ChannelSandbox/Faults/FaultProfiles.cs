using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ChannelSandbox.Faults;

/// <summary>
/// Every fault profile by name. Names come from request paths, so they are checked before use and their number is
/// capped: a caller inventing names cannot grow the sandbox's memory without bound.
/// </summary>
public sealed partial class FaultProfiles
{
    public const int MaxProfiles = 256;

    private readonly ConcurrentDictionary<string, FaultProfile> _profiles = new(StringComparer.Ordinal);

    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    /// <summary>The profile, created when new; null when the cap is reached.</summary>
    public FaultProfile? GetOrAdd(string name) =>
        _profiles.TryGetValue(name, out var profile) ? profile
        : _profiles.Count >= MaxProfiles ? null
        : _profiles.GetOrAdd(name, _ => new FaultProfile());

    public FaultProfile? Find(string name) => _profiles.GetValueOrDefault(name);

    public bool Remove(string name) => _profiles.TryRemove(name, out _);

    [GeneratedRegex(@"^[a-z0-9-]{1,32}\z")]
    private static partial Regex ValidName();
}
