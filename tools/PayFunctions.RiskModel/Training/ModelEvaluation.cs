using PayFunctions.RiskModel.Generation;

namespace PayFunctions.RiskModel.Training;

/// <summary>Precision, recall and F1 of flagging every payment scored at or above <paramref name="Threshold"/>.</summary>
/// <param name="FlaggedShare">The share of all payments flagged: what an operator's queue, or the refusals, would hold.</param>
public sealed record ThresholdRow(double Threshold, int Flagged, double FlaggedShare, double Precision, double Recall, double F1);

/// <summary>The share of one pattern's payments flagged at the review and block thresholds (for a legitimate pattern, its false positives).</summary>
public sealed record PatternRecall(PaymentPattern Pattern, int Payments, double AtReview, double AtBlock);

/// <summary>
/// The measures of scores against labels that are not the model's own: the area under the ROC curve, the table of
/// thresholds, and the thresholds an operator would pick: review where at least <see cref="ReviewPrecision"/> of the
/// queue is fraud, block where at least <see cref="BlockPrecision"/> of the refused are.
/// </summary>
public static class ModelEvaluation
{
    public const double ReviewPrecision = 0.5;

    public const double BlockPrecision = 0.95;

    /// <summary>The thresholds the printed table shows.</summary>
    public static IReadOnlyList<double> TableThresholds { get; } = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];

    /// <summary>
    /// The probability that a positive scores above a negative (ties count a half), from the ranks (Mann–Whitney U);
    /// NaN when either class is missing.
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                end++;
            }

            var rank = ((start + 1) + end) / 2.0;
            for (var i = start; i < end; i++)
            {
                if (labels[order[i]])
                {
                    positiveRankSum += rank;
                    positives++;
                }
            }

            start = end;
        }

        var negatives = (long)scores.Count - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>Flagging at <paramref name="threshold"/>; precision is 1 when nothing is flagged, as nothing was flagged wrongly.</summary>
    public static ThresholdRow At(double threshold, IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        int flagged = 0, caught = 0, positives = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var flag = scores[i] >= threshold;
            flagged += flag ? 1 : 0;
            caught += flag && labels[i] ? 1 : 0;
            positives += labels[i] ? 1 : 0;
        }

        var precision = flagged == 0 ? 1 : (double)caught / flagged;
        var recall = positives == 0 ? 0 : (double)caught / positives;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ThresholdRow(threshold, flagged, scores.Count == 0 ? 0 : (double)flagged / scores.Count, precision, recall, f1);
    }

    /// <summary>The lowest threshold, in steps of 0.01, whose precision is at least <paramref name="precision"/>; 1 when none is.</summary>
    public static double LowestWithPrecision(double precision, IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        for (var step = 1; step < 100; step++)
        {
            var threshold = step / 100.0;
            var row = At(threshold, scores, labels);
            if (row.Flagged > 0 && row.Precision >= precision)
            {
                return threshold;
            }
        }

        return 1;
    }

    /// <summary>The share of each pattern's payments flagged at the two thresholds.</summary>
    public static IReadOnlyList<PatternRecall> ByPattern(
        IReadOnlyList<double> scores, IReadOnlyList<GeneratedPayment> payments, double review, double block) =>
        Enum.GetValues<PaymentPattern>()
            .Select(pattern =>
            {
                var of = Enumerable.Range(0, payments.Count).Where(i => payments[i].Pattern == pattern).ToArray();
                return new PatternRecall(
                    pattern,
                    of.Length,
                    of.Length == 0 ? 0 : (double)of.Count(i => scores[i] >= review) / of.Length,
                    of.Length == 0 ? 0 : (double)of.Count(i => scores[i] >= block) / of.Length);
            })
            .ToList();
}
