using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using PayFunctions.Core.Risk.Model;
using PayFunctions.Domain.Risk;

namespace PayFunctions.RiskModel.Training;

/// <summary>
/// Trains the learned risk score: gradient-boosted trees (FastTree) over <see cref="RiskFeatures.ToVector"/>, Platt
/// calibrated so the score reads as a probability, followed by the feature contributions the scorer explains a score
/// with. Small on purpose (100 trees of 16 leaves, tens of KB): the features are few and the trees shallow enough to
/// score in microseconds. One thread, so that the same data and seed train the same trees.
/// </summary>
public static class RiskModelTrainer
{
    public const int Trees = 100;

    public const int Leaves = 16;

    public const int MinimumPerLeaf = 20;

    public const double LearningRate = 0.2;

    /// <summary>The trained model, and the schema it reads, for saving.</summary>
    public static (ITransformer Model, DataViewSchema Schema) Train(MLContext ml, IReadOnlyList<RiskModelInput> rows)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(RiskModelInput.Label),
            FeatureColumnName = nameof(RiskModelInput.Features),
            NumberOfTrees = Trees,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinimumPerLeaf,
            LearningRate = LearningRate,
            NumberOfThreads = 1,
        });
        var scorer = trainer.Fit(data);

        // Every feature's contribution is kept (as many positive and negative as there are features), unnormalised, so
        // that contributions are in the raw score's units and comparable between payments.
        var contributions = ml.Transforms
            .CalculateFeatureContribution(scorer, RiskModelInput.FeatureCount, RiskModelInput.FeatureCount, normalize: false)
            .Fit(scorer.Transform(data));
        return (scorer.Append(contributions), data.Schema);
    }

    /// <summary>What <paramref name="model"/> says of <paramref name="rows"/>, in their order.</summary>
    public static RiskModelOutput[] Predict(MLContext ml, ITransformer model, IReadOnlyList<RiskModelInput> rows)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows));
        return ml.Data.CreateEnumerable<RiskModelOutput>(scored, reuseRowObject: false).ToArray();
    }
}
