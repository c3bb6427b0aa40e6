namespace PayFunctions.Domain.Routing;

/// <summary>
/// The working record of one candidate while <see cref="Router"/> decides: unmanaged, so a decision keeps them
/// on the stack and allocates only the verdicts it returns.
/// </summary>
internal struct Assessment
{
    public int Priority;
    public int Weight;
    public Elimination Eliminated;
    public double Success;
    public TimeSpan? LatencyP95;
    public long? Fee;
    public double Score;
    public int Rank;

    public readonly bool Kept => Eliminated == Elimination.None;
}
