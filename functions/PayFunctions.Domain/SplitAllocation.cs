namespace PayFunctions.Domain;

/// <summary>The part of a payment that one account receives.</summary>
/// <param name="AccountId">The receiving account.</param>
/// <param name="Role">Why the account receives it.</param>
/// <param name="Amount">The amount, never negative.</param>
public sealed record SplitAllocation(string AccountId, SplitRole Role, Money Amount);
