namespace PayFunctions.Core.Screening;

/// <summary>Why everyone is screened again: the list whose upload (by its SHA-256) started it.</summary>
public sealed record RescreenInput(string Source, string Sha256);

/// <summary>One page of parties to screen: <see cref="RescreenKinds"/>, and where the previous page left off.</summary>
public sealed record RescreenPageInput(string Kind, string? ContinuationToken);

/// <summary>What a page did, and where the next one starts (null when the kind is done).</summary>
public sealed record RescreenPage(int Screened, int Hits, string? ContinuationToken);

/// <summary>What a whole rescreen did.</summary>
public sealed record RescreenResult(int Screened, int Hits);

/// <summary>
/// The parties a rescreen pages through, each from the table that keeps its name. Payers are none of them: their names
/// are not kept (a payer is screened once, with the payment's result), so there is nothing to screen them by again.
/// </summary>
public static class RescreenKinds
{
    public const string Merchants = "merchants";
    public const string Accounts = "accounts";

    public static IReadOnlyList<string> All { get; } = [Merchants, Accounts];
}
