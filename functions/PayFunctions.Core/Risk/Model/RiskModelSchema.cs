using Microsoft.ML.Data;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk.Model;

/// <summary>
/// One payment as the model reads it, in training and in scoring alike: <see cref="RiskFeatures.ToVector"/> as one
/// fixed-size vector column, so that a feature added to <see cref="RiskFeatures"/> is a new model, never a silent shift.
/// </summary>
public sealed class RiskModelInput
{
    /// <summary>The length of <see cref="Features"/>: <see cref="RiskFeatures.Names"/>' count.</summary>
    public const int FeatureCount = 21;

    /// <summary>The features in <see cref="RiskFeatures.Names"/>' order.</summary>
    [VectorType(FeatureCount)]
    public float[] Features { get; set; } = new float[FeatureCount];

    /// <summary>Whether the payment was fraud; read in training only.</summary>
    public bool Label { get; set; }
}

/// <summary>What the model says of one payment.</summary>
public sealed class RiskModelOutput
{
    /// <summary>The calibrated probability that the payment is fraud.</summary>
    public float Probability { get; set; }

    /// <summary>Each feature's contribution to the model's raw score, in <see cref="RiskFeatures.Names"/>' order.</summary>
    [VectorType(RiskModelInput.FeatureCount)]
    public float[] FeatureContributions { get; set; } = new float[RiskModelInput.FeatureCount];
}
