namespace PayFunctions;

/// <summary>The merchant's balance off the ledger, per currency.</summary>
public sealed class Balance : PayFunctionsEntity
{
    /// <summary>Always <c>balance</c>.</summary>
    public string Object { get; set; } = "balance";

    /// <summary>Captured and owed, not settled yet.</summary>
    public List<BalanceAmount> PendingSettlement { get; set; } = [];

    /// <summary>Settled and on its way.</summary>
    public List<BalanceAmount> InTransit { get; set; } = [];

    /// <summary>Captured but held until a risk review releases it.</summary>
    public List<BalanceAmount> HeldForReview { get; set; } = [];
}

/// <summary>An amount in one currency.</summary>
public sealed class BalanceAmount : PayFunctionsEntity
{
    /// <summary>The amount in minor units.</summary>
    public long Amount { get; set; }

    /// <summary>The currency.</summary>
    public string Currency { get; set; } = "";
}
