namespace PayFunctions.Domain.Screening;

/// <summary>
/// The names of one or more sanctions lists, normalised and indexed by <see cref="BlockingKeys"/>, and the screening
/// of a name against them. A name is scored (<see cref="NameSimilarity"/>) only against listed names that share
/// blocking keys with at least two of its tokens (one when either name has a single indexed token), so the cost of a
/// query follows how common its tokens are, not the size of the lists. Immutable once built: one index serves
/// concurrent queries.
/// </summary>
public sealed class ScreeningIndex
{
    /// <summary>0.85 hits spelling variants of every token ("Mohammed Ali Hassan" / "Muhammad Aly Hasan") and a missing
    /// middle name, and no unrelated name of the tests' list of common names.</summary>
    public const double DefaultThreshold = 0.85;

    private readonly List<IndexedName> names = [];
    private readonly Dictionary<string, List<int>> postings = new(StringComparer.Ordinal);

    private ScreeningIndex()
    {
    }

    /// <summary>The entries indexed.</summary>
    public int EntryCount { get; private set; }

    /// <summary>The names indexed: primary names and aliases with at least one letter or digit.</summary>
    public int NameCount => names.Count;

    /// <summary>Indexes every name of <paramref name="entries"/>, which may come from several lists.</summary>
    /// <exception cref="ArgumentException">A name is longer than <see cref="NameNormalizer.MaxLength"/>.</exception>
    public static ScreeningIndex Build(IEnumerable<SanctionsEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var index = new ScreeningIndex();
        foreach (var entry in entries)
        {
            index.EntryCount++;
            index.Add(entry, entry.PrimaryName, NameQuality.Primary);
            foreach (var alias in entry.Aliases)
            {
                index.Add(entry, alias.Name, alias.Quality);
            }
        }

        return index;
    }

    /// <summary>
    /// The listed parties with a name scoring at least <paramref name="threshold"/> against <paramref name="name"/>, each with
    /// its best-scoring name (the primary name, then a strong alias, on a tie).
    /// </summary>
    /// <exception cref="ArgumentException">The name is longer than <see cref="NameNormalizer.MaxLength"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not in (0, 1].</exception>
    public ScreeningResult Screen(string name, double threshold = DefaultThreshold)
    {
        if (!(threshold > 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), "The threshold is a score in (0, 1].");
        }

        var tokens = NameNormalizer.Tokens(name);
        var indexed = tokens.Where(t => t.Length >= 2).Distinct(StringComparer.Ordinal).ToList();
        var shared = new Dictionary<int, int>();
        foreach (var token in indexed)
        {
            var reached = new HashSet<int>();
            foreach (var key in BlockingKeys.Of(token))
            {
                if (postings.TryGetValue(key, out var ids))
                {
                    reached.UnionWith(ids);
                }
            }

            foreach (var id in reached)
            {
                shared[id] = shared.GetValueOrDefault(id) + 1;
            }
        }

        var best = new Dictionary<SanctionsEntry, ScreeningHit>(ReferenceEqualityComparer.Instance);
        var scored = 0;
        foreach (var (id, count) in shared)
        {
            var listed = names[id];
            if (count < Math.Min(2, Math.Min(indexed.Count, listed.IndexedTokens)))
            {
                continue;
            }

            scored++;
            var score = NameSimilarity.Score(tokens, listed.Tokens);
            if (score >= threshold && (!best.TryGetValue(listed.Entry, out var hit) || score > hit.Score || (score == hit.Score && listed.Quality < hit.Quality)))
            {
                best[listed.Entry] = new ScreeningHit(listed.Entry, listed.Text, listed.Quality, score);
            }
        }

        return new ScreeningResult([.. best.Values.OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Id, StringComparer.Ordinal)], scored);
    }

    private void Add(SanctionsEntry entry, string text, NameQuality quality)
    {
        var tokens = NameNormalizer.Tokens(text);
        if (tokens.Count == 0)
        {
            return;
        }

        var id = names.Count;
        var distinct = tokens.Distinct(StringComparer.Ordinal).ToList();
        var keys = distinct.SelectMany(BlockingKeys.Of).ToHashSet(StringComparer.Ordinal);
        names.Add(new IndexedName(entry, text, quality, tokens, distinct.Count(t => t.Length >= 2)));
        foreach (var key in keys)
        {
            if (!postings.TryGetValue(key, out var ids))
            {
                postings[key] = ids = [];
            }

            ids.Add(id);
        }
    }

    private sealed record IndexedName(SanctionsEntry Entry, string Text, NameQuality Quality, IReadOnlyList<string> Tokens, int IndexedTokens);
}
