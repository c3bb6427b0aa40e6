using PayFunctions.Domain.Risk;
using PayFunctions.RiskModel.Generation;

namespace PayFunctions.RiskModel.History;

/// <summary>The features of every payment of a stream, each from the history of the payments before it.</summary>
public static class StreamFeatures
{
    /// <summary>The features of <paramref name="payments"/> (in the order they were made), in the same order.</summary>
    public static RiskFeatures[] Of(IReadOnlyList<GeneratedPayment> payments)
    {
        ArgumentNullException.ThrowIfNull(payments);
        var recorder = new RiskHistoryRecorder();
        var features = new RiskFeatures[payments.Count];
        for (var i = 0; i < payments.Count; i++)
        {
            features[i] = RiskFeatures.From(payments[i].Facts, recorder.Record(payments[i].Facts));
        }

        return features;
    }
}
