namespace PayFunctions.Domain;

/// <summary>
/// One account's share of one journal entry in one currency: what the per-account projection of the
/// journal holds, so an account's balance is read from its own lines instead of the whole journal.
/// </summary>
/// <param name="Account">The ledger account, e.g. "payable:acct_1".</param>
/// <param name="EntryId">The journal entry the line comes from.</param>
/// <param name="Kind">The entry's kind, e.g. <see cref="Postings.SettlementKind"/>.</param>
/// <param name="Reference">The entry's business reference, e.g. the payment id.</param>
/// <param name="PostedAt">The entry's posting time.</param>
/// <param name="Currency">The currency of the amounts.</param>
/// <param name="Credits">The sum of the entry's credits to the account in that currency, zero or more.</param>
/// <param name="Debits">The sum of the entry's debits to the account in that currency, zero or more.</param>
public sealed record AccountLine(
    string Account, string EntryId, string Kind, string Reference, DateTimeOffset PostedAt, Currency Currency, long Credits, long Debits)
{
    /// <summary>Credits minus debits: what the line adds to a liability account's balance.</summary>
    public Money CreditBalance => new(checked(Credits - Debits), Currency);
}
