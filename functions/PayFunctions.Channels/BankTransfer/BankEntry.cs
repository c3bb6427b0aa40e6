using PayFunctions.Domain;

namespace PayFunctions.Channels.BankTransfer;

/// <summary>One booked transaction of a camt.053 or camt.054 entry (an entry may batch several).</summary>
/// <param name="Reference">The bank's unique reference of the transaction: the entry's AcctSvcrRef (else NtryRef), or the transaction's own in a batch.</param>
/// <param name="IsCredit">Money in (CRDT) rather than out (DBIT).</param>
/// <param name="Amount">The amount of the transaction.</param>
/// <param name="BookedOn">The booking date (or date and time).</param>
/// <param name="EndToEndId">The originator's end-to-end id, as the bank echoes it (a refund's pain.001 sets it).</param>
/// <param name="InstructionId">The originator's instruction id, as the bank echoes it.</param>
/// <param name="CreditorReference">The creditor reference the payer quoted (structured, else found in the unstructured text).</param>
/// <param name="DebtorName">For a credit, who sent it.</param>
/// <param name="DebtorIban">For a credit, the account it came from.</param>
/// <param name="IsReturn">The transaction returns an earlier one (it carries return information).</param>
internal sealed record BankEntry(
    string Reference,
    bool IsCredit,
    Money Amount,
    DateTimeOffset BookedOn,
    string? EndToEndId,
    string? InstructionId,
    string? CreditorReference,
    string? DebtorName,
    string? DebtorIban,
    bool IsReturn);

/// <summary>What a camt file reports: which account, and its booked transactions.</summary>
/// <param name="Kind">"camt.053" (statement) or "camt.054" (notification).</param>
/// <param name="AccountIban">The account the report is about.</param>
/// <param name="Entries">The booked transactions, in file order.</param>
internal sealed record BankReport(string Kind, string AccountIban, IReadOnlyList<BankEntry> Entries);
