namespace ChannelSandbox.BankTransfer;

/// <summary>One booked movement on the platform's account at the simulated bank.</summary>
/// <param name="AccountServicerRef">The bank's unique reference (AcctSvcrRef), the same in every report that carries it.</param>
/// <param name="IsCredit">Money in rather than out.</param>
/// <param name="Amount">Minor units (cents).</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="BookedOn">The booking date.</param>
/// <param name="CounterpartyName">The debtor of a credit, the creditor of a debit.</param>
/// <param name="CounterpartyIban">Their account.</param>
/// <param name="Reference">For a credit, what the payer quoted as a structured creditor reference.</param>
/// <param name="Unstructured">For a credit, free remittance text instead of a structured reference.</param>
/// <param name="EndToEndId">For a debit or a return, the originator's end-to-end id.</param>
/// <param name="InstructionId">For a debit or a return, the originator's instruction id.</param>
/// <param name="IsReturn">A credit that returns an earlier debit the payee's bank refused.</param>
public sealed record BankMovement(
    string AccountServicerRef,
    bool IsCredit,
    long Amount,
    string Currency,
    DateOnly BookedOn,
    string CounterpartyName,
    string CounterpartyIban,
    string? Reference,
    string? Unstructured,
    string? EndToEndId,
    string? InstructionId,
    bool IsReturn);

/// <summary>The simulated bank's book of the platform's account: every movement, in order, and the instructions it executed.</summary>
public sealed class BankLedger
{
    /// <summary>The platform's account at this bank: account "main" of the platform's configuration.</summary>
    public const string AccountIban = "DE89370400440532013000";

    public const string AccountName = "main";

    private readonly Lock gate = new();
    private readonly List<BankMovement> movements = [];
    private readonly HashSet<string> executed = new(StringComparer.Ordinal);
    private int sequence;

    public BankMovement Book(Func<string, BankMovement> movement)
    {
        lock (gate)
        {
            var booked = movement($"SBX{DateTime.UtcNow:yyyyMMdd}{++sequence:D6}");
            movements.Add(booked);
            return booked;
        }
    }

    /// <summary>Takes an instruction once: a file collected again is not executed again.</summary>
    public bool TryExecute(string messageId)
    {
        lock (gate)
        {
            return executed.Add(messageId);
        }
    }

    public IReadOnlyList<BankMovement> All()
    {
        lock (gate)
        {
            return [.. movements];
        }
    }
}
