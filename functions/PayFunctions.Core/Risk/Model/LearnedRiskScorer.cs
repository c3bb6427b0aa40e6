using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.Risk.Model;

/// <summary>
/// The learned risk score: the model trained by <c>tools/PayFunctions.RiskModel</c> and shipped inside this assembly
/// (<see cref="ResourceName"/>), loaded once when the scorer is built, and a score with the three features that moved it
/// most. ML.NET's prediction engine is not thread-safe, so each call borrows one from a pool (as many as are scoring at
/// once are kept; the pool holds twice the processor count) together with its input and output rows, which are reused:
/// a score reads no file, and allocates only its feature vector and its answer.
/// </summary>
public sealed class LearnedRiskScorer : IRiskScorer
{
    /// <summary>The model's name inside this assembly.</summary>
    public const string ResourceName = "PayFunctions.Core.Risk.Model.risk-model.zip";

    /// <summary>How many factors a score names.</summary>
    public const int FactorCount = 3;

    private readonly ObjectPool<Slot> slots;

    /// <exception cref="InvalidOperationException">The assembly holds no model, or one that does not read <see cref="RiskModelInput"/> and write <see cref="RiskModelOutput"/>.</exception>
    public LearnedRiskScorer()
    {
        if (RiskFeatures.Names.Count != RiskModelInput.FeatureCount)
        {
            throw new InvalidOperationException($"RiskFeatures has {RiskFeatures.Names.Count} features and the model reads {RiskModelInput.FeatureCount}: retrain it.");
        }

        var ml = new MLContext(seed: 0);
        ITransformer model;
        using (var stream = typeof(LearnedRiskScorer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The risk model {ResourceName} is not embedded in {typeof(LearnedRiskScorer).Assembly.GetName().Name}."))
        {
            model = ml.Model.Load(stream, out _);
        }

        slots = new DefaultObjectPool<Slot>(new SlotPolicy(ml, model), Environment.ProcessorCount * 2);

        // One engine now, so that a model that does not fit the schema fails at start rather than at the first payment.
        slots.Return(slots.Get());
    }

    /// <inheritdoc />
    public RiskScore Score(RiskFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var slot = slots.Get();
        try
        {
            slot.Input.Features = features.ToVector();
            slot.Engine.Predict(slot.Input, ref slot.Output);
            return new RiskScore(slot.Output.Probability, TopFactors(slot.Output.FeatureContributions));
        }
        finally
        {
            slots.Return(slot);
        }
    }

    /// <summary>The <see cref="FactorCount"/> features with the largest contributions by size, largest first; a feature that contributed nothing is not a factor.</summary>
    private static RiskFactor[] TopFactors(float[] contributions)
    {
        Span<int> top = stackalloc int[FactorCount];
        var count = 0;
        for (var i = 0; i < contributions.Length; i++)
        {
            var size = Math.Abs(contributions[i]);
            if (size == 0 || (count == FactorCount && size <= Math.Abs(contributions[top[count - 1]])))
            {
                continue;
            }

            var at = count < FactorCount ? count++ : FactorCount - 1;
            while (at > 0 && size > Math.Abs(contributions[top[at - 1]]))
            {
                top[at] = top[at - 1];
                at--;
            }

            top[at] = i;
        }

        var factors = new RiskFactor[count];
        for (var k = 0; k < count; k++)
        {
            factors[k] = new RiskFactor(RiskFeatures.Names[top[k]], contributions[top[k]]);
        }

        return factors;
    }

    /// <summary>An engine with the rows it reads and writes, used by one call at a time.</summary>
    private sealed class Slot(PredictionEngine<RiskModelInput, RiskModelOutput> engine)
    {
        public PredictionEngine<RiskModelInput, RiskModelOutput> Engine { get; } = engine;

        public RiskModelInput Input { get; } = new();

        public RiskModelOutput Output = new();
    }

    private sealed class SlotPolicy(MLContext ml, ITransformer model) : PooledObjectPolicy<Slot>
    {
        public override Slot Create() => new(ml.Model.CreatePredictionEngine<RiskModelInput, RiskModelOutput>(model));

        public override bool Return(Slot obj) => true;
    }
}
