using System.Globalization;

namespace PayFunctions.Domain;

/// <summary>How a payment is shared between recipients; the merchant keeps whatever the recipients and the platform do not take.</summary>
/// <param name="Recipients">The recipients, 1 to <see cref="MaxRecipients"/>, each account at most once.</param>
public sealed record SplitRule(IReadOnlyList<SplitRecipient> Recipients)
{
    /// <summary>The most recipients one payment can be split between.</summary>
    public const int MaxRecipients = 10;

    /// <summary>Basis points that make up the whole (100%).</summary>
    public const int BasisPointsPerWhole = 10_000;

    private const string RecipientsParam = "split.recipients";

    /// <summary>
    /// Checks the rule against a payment of <paramref name="gross"/> before the platform fee is known, so fixed
    /// amounts are measured against the whole gross. Empty when the rule is valid.
    /// </summary>
    public IReadOnlyList<SplitRuleError> Validate(Money gross) => Validate(gross, FeeSchedule.None);

    /// <summary>
    /// Checks the rule against a payment of <paramref name="gross"/> under <paramref name="fee"/>: the recipients'
    /// shares must fit in the net the fee leaves. Empty when the rule is valid; this is the check
    /// <see cref="SplitCalculator.Allocate"/> applies.
    /// </summary>
    public IReadOnlyList<SplitRuleError> Validate(Money gross, FeeSchedule fee)
    {
        ArgumentNullException.ThrowIfNull(fee);
        var errors = new List<SplitRuleError>();
        if (Recipients is null || Recipients.Count == 0)
        {
            errors.Add(new(RecipientsParam, "A split needs at least one recipient."));
            return errors;
        }

        if (Recipients.Count > MaxRecipients)
        {
            errors.Add(new(RecipientsParam, $"A split can have at most {MaxRecipients} recipients."));
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        long basisPointsTotal = 0;
        long fixedTotal = 0;
        for (var i = 0; i < Recipients.Count; i++)
        {
            ValidateRecipient(Recipients[i], Param(i), seen, errors, ref basisPointsTotal, ref fixedTotal);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (basisPointsTotal > BasisPointsPerWhole)
        {
            errors.Add(new(RecipientsParam, $"The recipients' basis points add up to {basisPointsTotal}, more than {BasisPointsPerWhole}."));
            return errors;
        }

        var net = gross.MinorUnits - fee.FeeFor(gross).MinorUnits;
        if (fixedTotal > net)
        {
            errors.Add(new(RecipientsParam, $"The recipients' fixed amounts add up to {fixedTotal}, more than the {net} available after fees."));
        }
        else if (fixedTotal + SplitCalculator.RatioTotal(Recipients, net) > net)
        {
            errors.Add(new(RecipientsParam, $"The recipients' fixed amounts and rates together take more than the {net} available after fees."));
        }

        return errors;
    }

    private static string Param(int index) => RecipientsParam + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static void ValidateRecipient(
        SplitRecipient? recipient, string param, HashSet<string> seen, List<SplitRuleError> errors, ref long basisPointsTotal, ref long fixedTotal)
    {
        if (recipient is null)
        {
            errors.Add(new(param, "A recipient cannot be null."));
            return;
        }

        if (string.IsNullOrWhiteSpace(recipient.AccountId))
        {
            errors.Add(new(param + ".account_id", "A recipient needs an account id."));
        }
        else if (string.Equals(recipient.AccountId, SplitCalculator.PlatformFeeAccount, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(param + ".account_id", $"'{SplitCalculator.PlatformFeeAccount}' is reserved for the platform fee."));
        }
        else if (!seen.Add(recipient.AccountId))
        {
            errors.Add(new(param + ".account_id", $"Account '{recipient.AccountId}' appears more than once."));
        }

        switch (recipient)
        {
            case { BasisPoints: not null, FixedMinorUnits: not null }:
                errors.Add(new(param, "Set either basis_points or fixed_minor_units, not both."));
                break;
            case { BasisPoints: null, FixedMinorUnits: null }:
                errors.Add(new(param, "Set one of basis_points or fixed_minor_units."));
                break;
            case { BasisPoints: { } bp } when bp is < 1 or > BasisPointsPerWhole:
                errors.Add(new(param + ".basis_points", $"Basis points must be between 1 and {BasisPointsPerWhole}."));
                break;
            case { BasisPoints: { } bp }:
                basisPointsTotal += bp;
                break;
            case { FixedMinorUnits: { } amount } when amount < 1:
                errors.Add(new(param + ".fixed_minor_units", "A fixed amount must be at least 1 minor unit."));
                break;
            case { FixedMinorUnits: { } amount }:
                fixedTotal = amount > long.MaxValue - fixedTotal ? long.MaxValue : fixedTotal + amount;
                break;
        }
    }
}
