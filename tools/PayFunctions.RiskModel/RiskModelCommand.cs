using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using PayFunctions.CommandLine;
using PayFunctions.Core.Risk.Model;
using PayFunctions.Domain.Risk;
using PayFunctions.RiskModel.Generation;
using PayFunctions.RiskModel.History;
using PayFunctions.RiskModel.Training;

namespace PayFunctions.RiskModel;

/// <summary>
/// <c>dotnet run --project tools/PayFunctions.RiskModel -c Release -- train --out DIR [--payments N] [--seed S]
/// [--holdout-payments N] [--holdout-seed S]</c>: generates a training stream and a held-out stream from different
/// seeds, trains the model on the first, measures it on the second, prints the measures and writes
/// <c>risk-model.zip</c> and <c>risk-model.metrics.json</c> to DIR (the shipped model's folder is
/// <c>functions/PayFunctions.Core/Risk/Model</c>). Exits 0 when written, 2 on a bad command line.
/// </summary>
public static class RiskModelCommand
{
    public const int Written = 0;
    public const int Unusable = 2;

    public const string ModelFileName = "risk-model.zip";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count > 0 && args[0] == "simulate")
        {
            return Simulation.SimulationCommand.Run([.. args.Skip(1)], output, error);
        }

        string outDirectory;
        int payments, seed, holdoutPayments, holdoutSeed;
        try
        {
            if (args.Count == 0 || args[0] != "train")
            {
                throw new ArgumentException("Usage: train --out DIR [--payments N] [--seed S] [--holdout-payments N] [--holdout-seed S] | simulate [--payments N] [--seed S]");
            }

            var arguments = new OptionArguments(args.Skip(1).ToList(), "--out", "--payments", "--seed", "--holdout-payments", "--holdout-seed");
            outDirectory = arguments.Text("--out") ?? throw new ArgumentException("--out DIR is required.");
            payments = arguments.WholeNumber("--payments", 100_000, 1_000, 2_000_000);
            seed = arguments.WholeNumber("--seed", 1, 0, int.MaxValue);
            holdoutPayments = arguments.WholeNumber("--holdout-payments", 50_000, 1_000, 2_000_000);
            holdoutSeed = arguments.WholeNumber("--holdout-seed", 2, 0, int.MaxValue);
            if (seed == holdoutSeed)
            {
                throw new ArgumentException("--seed and --holdout-seed must differ: the held-out stream must be one the model never saw.");
            }
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return Unusable;
        }

        var clock = Stopwatch.StartNew();
        var (trainStream, trainRows) = Stream(payments, seed);
        var (holdoutStream, holdoutRows) = Stream(holdoutPayments, holdoutSeed);
        output.WriteLine(Invariant($"generated {payments} + {holdoutPayments} payments with their histories and features in {clock.Elapsed.TotalSeconds:F1} s"));

        clock.Restart();
        var ml = new MLContext(seed: 0);
        var (model, schema) = RiskModelTrainer.Train(ml, trainRows);
        output.WriteLine(Invariant($"trained {RiskModelTrainer.Trees} trees of {RiskModelTrainer.Leaves} leaves on {payments} payments ({trainRows.Count(r => r.Label)} labelled fraud) in {clock.Elapsed.TotalSeconds:F1} s"));

        Directory.CreateDirectory(outDirectory);
        var modelPath = Path.Combine(outDirectory, ModelFileName);
        ml.Model.Save(model, schema, modelPath);

        var evaluation = ml.BinaryClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(holdoutRows)));
        var scores = RiskModelTrainer.Predict(ml, model, holdoutRows).Select(o => (double)o.Probability).ToArray();
        var labels = holdoutRows.Select(r => r.Label).ToArray();
        var review = ModelEvaluation.LowestWithPrecision(ModelEvaluation.ReviewPrecision, scores, labels);
        var block = ModelEvaluation.LowestWithPrecision(ModelEvaluation.BlockPrecision, scores, labels);
        var metrics = new RiskModelMetrics(
            payments,
            seed,
            holdoutPayments,
            holdoutSeed,
            labels.Count(l => l),
            evaluation.AreaUnderRocCurve,
            ModelEvaluation.Auc(scores, holdoutStream.Select(p => p.Pattern.IsFraud()).ToArray()),
            evaluation.AreaUnderPrecisionRecallCurve,
            ModelEvaluation.TableThresholds.Append(review).Append(block).Distinct().Order().Select(t => ModelEvaluation.At(t, scores, labels)).ToList(),
            review,
            block,
            ModelEvaluation.ByPattern(scores, holdoutStream, review, block),
            new FileInfo(modelPath).Length);
        File.WriteAllText(Path.Combine(outDirectory, RiskModelMetrics.FileName), JsonSerializer.Serialize(metrics, RiskModelMetrics.Json) + "\n");
        Print(metrics, modelPath, output);
        return Written;
    }

    private static (IReadOnlyList<GeneratedPayment> Stream, RiskModelInput[] Rows) Stream(int payments, int seed)
    {
        var stream = PaymentStreamGenerator.Generate(new GeneratorSettings { Payments = payments }, seed);
        var features = StreamFeatures.Of(stream);
        return (stream, stream.Select((p, i) => new RiskModelInput { Features = features[i].ToVector(), Label = p.Label }).ToArray());
    }

    private static void Print(RiskModelMetrics metrics, string modelPath, TextWriter output)
    {
        output.WriteLine(Invariant($"wrote {modelPath} ({metrics.ModelBytes:N0} bytes)"));
        output.WriteLine(Invariant($"held-out: {metrics.HoldoutPayments} payments (seed {metrics.HoldoutSeed}), {metrics.HoldoutFraudLabels} labelled fraud"));
        output.WriteLine(Invariant($"AUC {metrics.Auc:F4} against the labels, {metrics.AucTrueFraud:F4} against the true patterns; area under the precision-recall curve {metrics.AreaUnderPrecisionRecallCurve:F4}"));
        output.WriteLine();
        output.WriteLine("| threshold | flagged | share of payments | precision | recall | F1 |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in metrics.Thresholds)
        {
            var mark = row.Threshold == metrics.BlockThreshold ? " (block)" : row.Threshold == metrics.ReviewThreshold ? " (review)" : "";
            output.WriteLine(Invariant($"| {row.Threshold:F2}{mark} | {row.Flagged} | {row.FlaggedShare:P2} | {row.Precision:F3} | {row.Recall:F3} | {row.F1:F3} |"));
        }

        output.WriteLine();
        output.WriteLine(Invariant($"review at {metrics.ReviewThreshold:F2} (precision ≥ {ModelEvaluation.ReviewPrecision}), block at {metrics.BlockThreshold:F2} (precision ≥ {ModelEvaluation.BlockPrecision})"));
        output.WriteLine();
        output.WriteLine("| pattern | payments | flagged at review | flagged at block |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var pattern in metrics.ByPattern)
        {
            output.WriteLine(Invariant($"| {pattern.Pattern} | {pattern.Payments} | {pattern.AtReview:P1} | {pattern.AtBlock:P1} |"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
