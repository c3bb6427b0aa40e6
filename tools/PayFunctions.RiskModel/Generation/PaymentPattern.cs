namespace PayFunctions.RiskModel.Generation;

/// <summary>What a generated payment is, whatever its label says: legitimate behaviour, its noise, or a fraud pattern.</summary>
public enum PaymentPattern
{
    /// <summary>A payer paying one of their usual merchants from home.</summary>
    Legitimate,

    /// <summary>A legitimate payer paying one merchant several times within minutes (a round of orders, top-ups).</summary>
    LegitimateBurst,

    /// <summary>A legitimate payer on a trip, paying from another province or abroad after a plausible journey.</summary>
    Traveller,

    /// <summary>Many small payments from one IP address and device in minutes, probing which stolen cards work.</summary>
    CardTesting,

    /// <summary>A payer's account at a merchant, taken over, paying there many times within the hour from a new device.</summary>
    Velocity,

    /// <summary>One payment far above the merchant's usual range.</summary>
    AmountOutlier,

    /// <summary>A new payer paying from a region the merchant almost never sees.</summary>
    UnusualRegion,

    /// <summary>A payer's account at a merchant used there, minutes after they paid from home, from a place too far to have reached.</summary>
    ImpossibleTravel,

    /// <summary>A stolen card paying from an IP address in another country than the card's.</summary>
    IpCountryMismatch,
}

/// <summary>Which patterns are fraud.</summary>
public static class PaymentPatterns
{
    /// <summary>The fraud patterns, in the order the generator injects them.</summary>
    public static IReadOnlyList<PaymentPattern> Fraud { get; } =
    [
        PaymentPattern.CardTesting, PaymentPattern.Velocity, PaymentPattern.AmountOutlier,
        PaymentPattern.UnusualRegion, PaymentPattern.ImpossibleTravel, PaymentPattern.IpCountryMismatch,
    ];

    /// <summary>Whether the pattern is fraud (before any label noise).</summary>
    public static bool IsFraud(this PaymentPattern pattern) => pattern >= PaymentPattern.CardTesting;
}
