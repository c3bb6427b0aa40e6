namespace PayFunctions.Domain;

/// <summary>One line of a journal entry.</summary>
/// <param name="Account">The ledger account, built with <see cref="LedgerAccounts"/>.</param>
/// <param name="Side">Debit or credit.</param>
/// <param name="Amount">Strictly positive; the side carries the direction.</param>
public sealed record LedgerLine(string Account, EntrySide Side, Money Amount);
