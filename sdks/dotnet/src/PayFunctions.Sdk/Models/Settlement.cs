namespace PayFunctions;

/// <summary>One day's payment to a receiver of what it earned before that day's cut-off.</summary>
public sealed class Settlement : PayFunctionsEntity, IHasId
{
    /// <summary>The identifier, <c>stl_…</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Always <c>settlement</c>.</summary>
    public string Object { get; set; } = "settlement";

    /// <summary>The account paid.</summary>
    public string Account { get; set; } = "";

    /// <summary>The amount in minor units.</summary>
    public long Amount { get; set; }

    /// <summary>The currency.</summary>
    public string Currency { get; set; } = "";

    /// <summary>The settlement day, <c>yyyy-MM-dd</c>.</summary>
    public string SettlementDate { get; set; } = "";

    /// <summary>The cut-off the settlement covers earnings before.</summary>
    public DateTimeOffset CutoffAt { get; set; }

    /// <summary>The ledger entry that moved the money.</summary>
    public string JournalEntryId { get; set; } = "";

    /// <summary>When the settlement was recorded.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
