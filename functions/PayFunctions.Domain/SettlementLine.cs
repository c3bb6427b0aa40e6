namespace PayFunctions.Domain;

/// <summary>What one account is paid in one currency in a settlement batch.</summary>
/// <param name="AccountId">The account being paid.</param>
/// <param name="Amount">The amount, strictly positive.</param>
public sealed record SettlementLine(string AccountId, Money Amount);
