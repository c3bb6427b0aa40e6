using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayFunctions.RiskModel.Training;

/// <summary>
/// What the training command measured of the model it wrote, on a held-out stream it never trained on, as written next
/// to the model (<see cref="FileName"/>): the areas under the ROC curve against the labels (with their noise) and
/// against what the payments really were, the threshold table, the review and block thresholds picked from it, and each
/// pattern's share flagged at them.
/// </summary>
public sealed record RiskModelMetrics(
    int TrainPayments,
    int TrainSeed,
    int HoldoutPayments,
    int HoldoutSeed,
    int HoldoutFraudLabels,
    double Auc,
    double AucTrueFraud,
    double AreaUnderPrecisionRecallCurve,
    IReadOnlyList<ThresholdRow> Thresholds,
    double ReviewThreshold,
    double BlockThreshold,
    IReadOnlyList<PatternRecall> ByPattern,
    long ModelBytes)
{
    public const string FileName = "risk-model.metrics.json";

    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
