namespace PayFunctions.Domain;

/// <summary>Why a split rule was rejected, pointing at the offending request field.</summary>
/// <param name="Param">The request field, e.g. "split.recipients[1].basis_points".</param>
/// <param name="Message">A sentence a merchant's developer can act on.</param>
public sealed record SplitRuleError(string Param, string Message);
