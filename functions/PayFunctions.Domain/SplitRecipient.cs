namespace PayFunctions.Domain;

/// <summary>One party that receives part of a payment: either a rate of the net or a fixed amount, never both.</summary>
/// <param name="AccountId">The receiving account.</param>
/// <param name="BasisPoints">The share of the net (gross minus platform fee) in basis points, or null for a fixed share.</param>
/// <param name="FixedMinorUnits">A fixed amount in minor units of the payment's currency, or null for a rate.</param>
public sealed record SplitRecipient(string AccountId, int? BasisPoints, long? FixedMinorUnits);
