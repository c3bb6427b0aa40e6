namespace PayFunctions.RiskModel.Generation;

/// <summary>
/// The shape of a generated stream. Pattern rates are shares of all payments: a stream of 100 000 payments with a card
/// testing rate of 0.01 holds 1 000 card-testing payments, in bursts. Fraud is far more common here than on a real
/// platform (a few in ten thousand) so that a training set of tens of thousands of payments holds hundreds of each
/// pattern.
/// </summary>
public sealed record GeneratorSettings
{
    /// <summary>How many payments, fraud included.</summary>
    public int Payments { get; init; } = 50_000;

    /// <summary>Over how many days, from <see cref="Start"/>.</summary>
    public int Days { get; init; } = 14;

    /// <summary>How many merchants; about two in five sell online to the whole country, the rest to their own province.</summary>
    public int Merchants { get; init; } = 150;

    /// <summary>How many legitimate payers; by default one per eight payments, so a payer pays about every other day.</summary>
    public int? Payers { get; init; }

    /// <summary>Midnight, China Standard Time, of the first day.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Share of payments in legitimate bursts (noise that looks like velocity or card testing).</summary>
    public double LegitimateBurstRate { get; init; } = 0.02;

    /// <summary>Share of payments made by legitimate payers away from home (noise that looks like unusual regions and travel).</summary>
    public double TravellerRate { get; init; } = 0.02;

    public double CardTestingRate { get; init; } = 0.010;

    public double VelocityRate { get; init; } = 0.005;

    public double AmountOutlierRate { get; init; } = 0.003;

    public double UnusualRegionRate { get; init; } = 0.003;

    public double ImpossibleTravelRate { get; init; } = 0.003;

    public double IpCountryMismatchRate { get; init; } = 0.003;

    /// <summary>Share of fraud payments labelled legitimate: fraud nobody reported.</summary>
    public double MissedFraudRate { get; init; } = 0.05;

    /// <summary>Share of legitimate payments labelled fraud: a payer disowning their own payment.</summary>
    public double FalseFraudRate { get; init; } = 0.001;

    /// <summary>The share of payments of <paramref name="pattern"/>; legitimate payments are what the others leave.</summary>
    public double RateOf(PaymentPattern pattern) => pattern switch
    {
        PaymentPattern.LegitimateBurst => LegitimateBurstRate,
        PaymentPattern.Traveller => TravellerRate,
        PaymentPattern.CardTesting => CardTestingRate,
        PaymentPattern.Velocity => VelocityRate,
        PaymentPattern.AmountOutlier => AmountOutlierRate,
        PaymentPattern.UnusualRegion => UnusualRegionRate,
        PaymentPattern.ImpossibleTravel => ImpossibleTravelRate,
        PaymentPattern.IpCountryMismatch => IpCountryMismatchRate,
        _ => 1 - Enum.GetValues<PaymentPattern>().Where(p => p != PaymentPattern.Legitimate).Sum(RateOf),
    };

    /// <summary>How many payments of <paramref name="pattern"/> a stream holds.</summary>
    public int CountOf(PaymentPattern pattern) => pattern == PaymentPattern.Legitimate
        ? Payments - Enum.GetValues<PaymentPattern>().Where(p => p != PaymentPattern.Legitimate).Sum(CountOf)
        : (int)Math.Round(RateOf(pattern) * Payments);

    /// <summary>Whether the settings make a stream: rates in [0, 1] that leave most payments legitimate, at least a day, a merchant and a payer.</summary>
    public bool IsValid() =>
        Payments is >= 100 and <= 10_000_000 && Days is >= 1 and <= 366 && Merchants is >= 1 and <= 100_000
        && Payers is null or >= 1 && Enum.GetValues<PaymentPattern>().All(p => RateOf(p) is >= 0 and <= 1)
        && RateOf(PaymentPattern.Legitimate) >= 0.5 && MissedFraudRate is >= 0 and <= 1 && FalseFraudRate is >= 0 and <= 1;
}
