namespace PayFunctions.Domain;

/// <summary>The side of a ledger line.</summary>
public enum EntrySide
{
    /// <summary>Increases an asset, decreases a liability.</summary>
    Debit,

    /// <summary>Decreases an asset, increases a liability.</summary>
    Credit,
}
