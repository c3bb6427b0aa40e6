namespace PayFunctions.Domain.Routing;

/// <summary>The facts of one payment that routing looks at.</summary>
/// <param name="Method">The payment method: the channel's name, a dot and the method's name.</param>
/// <param name="Channel">The channel that serves <paramref name="Method"/>.</param>
/// <param name="Amount">What the payer pays.</param>
/// <param name="PayerCountry">ISO 3166-1 alpha-2, when known.</param>
/// <param name="PayerRegion">ISO 3166-2, when known.</param>
/// <param name="Terminal">Where the payer stands.</param>
/// <param name="At">When the payment is routed.</param>
/// <param name="Configured">The platform's accounts at <paramref name="Channel"/> that are configured, default first.</param>
/// <param name="Draw">A number in [0, 1) fixed per payment (from its id), which splits volume by weight reproducibly.</param>
public sealed record RouteRequest(
    string Method,
    string Channel,
    Money Amount,
    string? PayerCountry,
    string? PayerRegion,
    TerminalType Terminal,
    DateTimeOffset At,
    IReadOnlyList<ChannelAccountId> Configured,
    double Draw)
{
    /// <summary>
    /// How often the caller tries one account (its first call and its retries of transient failures) before it
    /// fails over to the next. The Balanced objective weighs the chance that one of those tries takes the payment,
    /// which is what the payment meets: an account failing 30 % of calls still takes 97 % of payments in three tries.
    /// </summary>
    public int TriesPerAccount { get; init; } = 1;
}
