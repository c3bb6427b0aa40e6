using System.Globalization;

namespace PayFunctions.RoutingSimulation;

/// <summary>Command-line settings of one simulation run.</summary>
public sealed record SimulationOptions(double Rate, TimeSpan Duration, int Seed, string Method, double CostWeight, string? OutputPath)
{
    public const string DefaultMethod = "wechat_pay.native";

    /// <summary>Ours: one percentage point of fee is worth this many points of success probability.</summary>
    public const double DefaultCostWeight = 30;

    public const string Usage =
        "Usage: PayFunctions.RoutingSimulation [--rate 25] [--duration 180] [--seed 7] [--method wechat_pay.native] [--cost-weight 30] [--out results.json]\n" +
        "  --rate         payments per second, the same stream for every strategy, 1 to 100 (default 25)\n" +
        "  --duration     seconds of payments, 20 to 900 (default 180)\n" +
        "  --seed         seeds the amounts, the weighted draws and every account's faults (default 7)\n" +
        "  --method       a payment method the sandbox simulates (default wechat_pay.native)\n" +
        "  --cost-weight  ours (Balanced): points of success one percentage point of fee is worth, 0 to 1000 (default 30)\n" +
        "  --out          also write the results as JSON to this file";

    public int PaymentCount => (int)Math.Round(Rate * Duration.TotalSeconds);

    public static SimulationOptions Parse(IReadOnlyList<string> args)
    {
        var rate = 25.0;
        var duration = 180;
        var seed = 7;
        var method = DefaultMethod;
        var costWeight = DefaultCostWeight;
        string? output = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[i + 1];
            switch (name)
            {
                case "--rate":
                    rate = ParseDouble(name, value, 1, 100);
                    break;
                case "--duration":
                    duration = ParseInt(name, value, 20, 900);
                    break;
                case "--seed":
                    seed = ParseInt(name, value, 0, int.MaxValue);
                    break;
                case "--method":
                    method = value;
                    break;
                case "--cost-weight":
                    costWeight = ParseDouble(name, value, 0, 1000);
                    break;
                case "--out":
                    output = value;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {name}.");
            }
        }

        return new SimulationOptions(rate, TimeSpan.FromSeconds(duration), seed, method, costWeight, output);
    }

    private static double ParseDouble(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new ArgumentException($"{name} must be a number from {min} to {max}.");

    private static int ParseInt(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}.");
}
