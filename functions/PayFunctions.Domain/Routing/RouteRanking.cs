namespace PayFunctions.Domain.Routing;

/// <summary>Orders kept candidates into the failover order.</summary>
internal static class RouteRanking
{
    /// <summary>
    /// Sets <see cref="Assessment.Rank"/> 1..n on the kept candidates: priority groups in ascending order; within a
    /// group by score, except that among the candidates alike to the group's best (see <see cref="RouteScoring.IsAlike"/>)
    /// the first is a pick weighted by <see cref="Assessment.Weight"/> using <paramref name="draw"/>. Equal scores keep
    /// the order the candidates are listed in, so the result depends on nothing but the inputs.
    /// </summary>
    public static void Rank(RoutingObjective objective, double draw, Span<Assessment> candidates, Span<int> order)
    {
        var kept = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i].Kept)
            {
                order[kept++] = i;
            }
        }

        order = order[..kept];
        Sort(candidates, order);
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && candidates[order[end]].Priority == candidates[order[start]].Priority)
            {
                end++;
            }

            MoveToFront(order[start..end], WeightedPick(objective, draw, candidates, order[start..end]));
            start = end;
        }

        for (var position = 0; position < order.Length; position++)
        {
            candidates[order[position]].Rank = position + 1;
        }
    }

    /// <summary>Insertion sort (a handful of candidates) by priority ascending, score descending, then listing order.</summary>
    private static void Sort(ReadOnlySpan<Assessment> candidates, Span<int> order)
    {
        for (var i = 1; i < order.Length; i++)
        {
            var moving = order[i];
            var j = i - 1;
            while (j >= 0 && GoesBefore(candidates[moving], moving, candidates[order[j]], order[j]))
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = moving;
        }
    }

    private static bool GoesBefore(in Assessment a, int aIndex, in Assessment b, int bIndex) =>
        a.Priority != b.Priority ? a.Priority < b.Priority
        : a.Score != b.Score ? a.Score > b.Score
        : aIndex < bIndex;

    /// <summary>
    /// The index of the candidate that goes first in a group sorted best first: among those alike to the best,
    /// walked in listing order, the one whose cumulative weight share covers <paramref name="draw"/>.
    /// With no positive weight among them, the best.
    /// </summary>
    private static int WeightedPick(RoutingObjective objective, double draw, ReadOnlySpan<Assessment> candidates, ReadOnlySpan<int> group)
    {
        var best = group[0];
        long total = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (InPick(objective, candidates, best, i))
            {
                total += candidates[i].Weight;
            }
        }

        if (total <= 0)
        {
            return best;
        }

        var target = Math.Clamp(draw, 0, 1) * total;
        var picked = best;
        long cumulative = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (InPick(objective, candidates, best, i))
            {
                picked = i;
                cumulative += candidates[i].Weight;
                if (target < cumulative)
                {
                    break;
                }
            }
        }

        return picked;
    }

    private static bool InPick(RoutingObjective objective, ReadOnlySpan<Assessment> candidates, int best, int i) =>
        candidates[i].Kept
        && candidates[i].Priority == candidates[best].Priority
        && candidates[i].Weight > 0
        && RouteScoring.IsAlike(objective, candidates[best], candidates[i]);

    /// <summary>Moves <paramref name="first"/> to the front of <paramref name="group"/>, the others keeping their order.</summary>
    private static void MoveToFront(Span<int> group, int first)
    {
        var at = group.IndexOf(first);
        group[..at].CopyTo(group[1..]);
        group[0] = first;
    }
}
