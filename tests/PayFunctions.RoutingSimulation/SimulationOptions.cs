using PayFunctions.CommandLine;

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
        var options = new OptionArguments(args, "--rate", "--duration", "--seed", "--method", "--cost-weight", "--out");
        return new SimulationOptions(
            options.Number("--rate", 25, 1, 100),
            TimeSpan.FromSeconds(options.WholeNumber("--duration", 180, 20, 900)),
            options.WholeNumber("--seed", 7, 0, int.MaxValue),
            options.Text("--method", DefaultMethod),
            options.Number("--cost-weight", DefaultCostWeight, 0, 1000),
            options.Text("--out"));
    }
}
