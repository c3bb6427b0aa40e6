namespace PayFunctions.Domain.Screening;

/// <summary>
/// How alike two normalised names are, whatever the order of their tokens ("ivanov ivan" and "ivan ivanov" score 1):
/// each token of one is paired with at most one token of the other so that the agreement, Jaro–Winkler weighted by
/// the tokens' lengths, is greatest; a pair below <see cref="TokenFloor"/> agrees no more than no pair. The score is
/// that agreement over the names' weight, where a token of the screened name left unpaired weighs as if paired with
/// nothing, and a token of the listed name left unpaired (a middle name, a patronymic the caller did not give) weighs
/// a quarter, once at least two tokens agree: a lone agreeing first name is not enough to hit.
/// </summary>
public static class NameSimilarity
{
    /// <summary>
    /// Below this two tokens are different words: Jaro–Winkler gives unrelated names 0.4–0.7 ("maria"/"mark" 0.77),
    /// and spelling variants of one name 0.85 or more ("mohammed"/"muhammad" 0.86, "dwayne"/"duane" 0.84).
    /// </summary>
    public const double TokenFloor = 0.8;

    /// <summary>What an unpaired token of the listed name weighs, per character, once two tokens agree.</summary>
    private const double MissingListedTokenWeight = 0.25;

    /// <summary>The score of two token lists (each at most <see cref="NameNormalizer.MaxTokens"/>), from 0 to 1.</summary>
    public static double Score(IReadOnlyList<string> screened, IReadOnlyList<string> listed)
    {
        ArgumentNullException.ThrowIfNull(screened);
        ArgumentNullException.ThrowIfNull(listed);
        if (screened.Count == 0 || listed.Count == 0)
        {
            return 0;
        }

        if (screened.Count > NameNormalizer.MaxTokens || listed.Count > NameNormalizer.MaxTokens)
        {
            throw new ArgumentException($"Names are scored on at most {NameNormalizer.MaxTokens} tokens.");
        }

        var pairs = new double[screened.Count, listed.Count];
        for (var i = 0; i < screened.Count; i++)
        {
            for (var j = 0; j < listed.Count; j++)
            {
                var similarity = JaroWinkler.Similarity(screened[i], listed[j]);
                pairs[i, j] = similarity >= TokenFloor ? similarity * (screened[i].Length + listed[j].Length) : 0;
            }
        }

        var paired = BestAssignment(pairs, screened.Count, listed.Count);
        double agreement = 0, weight = 0;
        var listedPaired = new bool[listed.Count];
        var agreeing = 0;
        for (var i = 0; i < screened.Count; i++)
        {
            if (paired[i] is var j and >= 0)
            {
                agreement += pairs[i, j];
                weight += screened[i].Length + listed[j].Length;
                listedPaired[j] = true;
                agreeing++;
            }
            else
            {
                weight += 2 * screened[i].Length;
            }
        }

        var missingWeight = agreeing >= 2 ? MissingListedTokenWeight : 1;
        for (var j = 0; j < listed.Count; j++)
        {
            weight += listedPaired[j] ? 0 : missingWeight * listed[j].Length;
        }

        return agreement / weight;
    }

    /// <summary>
    /// For each screened token the listed token it is paired with (−1 for none), maximising the sum of
    /// <paramref name="pairs"/>: an exact search over the subsets of listed tokens taken, at most 2⁸ of them.
    /// </summary>
    private static int[] BestAssignment(double[,] pairs, int rows, int columns)
    {
        var subsets = 1 << columns;
        var best = new double[rows + 1, subsets];
        for (var i = rows - 1; i >= 0; i--)
        {
            for (var taken = 0; taken < subsets; taken++)
            {
                var value = best[i + 1, taken];
                for (var j = 0; j < columns; j++)
                {
                    if ((taken & (1 << j)) == 0 && pairs[i, j] > 0)
                    {
                        value = Math.Max(value, pairs[i, j] + best[i + 1, taken | (1 << j)]);
                    }
                }

                best[i, taken] = value;
            }
        }

        var paired = new int[rows];
        for (int i = 0, taken = 0; i < rows; i++)
        {
            paired[i] = -1;
            for (var j = 0; j < columns; j++)
            {
                if ((taken & (1 << j)) == 0 && pairs[i, j] > 0 && best[i, taken] == pairs[i, j] + best[i + 1, taken | (1 << j)])
                {
                    paired[i] = j;
                    taken |= 1 << j;
                    break;
                }
            }
        }

        return paired;
    }
}
