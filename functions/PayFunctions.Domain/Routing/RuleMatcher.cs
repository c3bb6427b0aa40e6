namespace PayFunctions.Domain.Routing;

/// <summary>Finds the rule of a policy that applies to a payment.</summary>
internal static class RuleMatcher
{
    /// <summary>The first rule whose condition the payment meets, or null.</summary>
    public static RoutingRule? FirstMatch(RoutingPolicy policy, RouteRequest request)
    {
        var localTime = TimeOnly.FromDateTime(request.At.UtcDateTime + policy.UtcOffset);
        for (var i = 0; i < policy.Rules.Count; i++)
        {
            if (Matches(policy.Rules[i].When, request, localTime))
            {
                return policy.Rules[i];
            }
        }

        return null;
    }

    private static bool Matches(RouteCondition when, RouteRequest request, TimeOnly localTime) =>
        Contains(when.Methods, request.Method, StringComparison.Ordinal)
        && (when.MinAmount is not { } min || request.Amount.MinorUnits >= min)
        && (when.MaxAmount is not { } max || request.Amount.MinorUnits <= max)
        && Contains(when.Currencies, request.Amount.Currency.Code, StringComparison.OrdinalIgnoreCase)
        && Contains(when.Countries, request.PayerCountry, StringComparison.OrdinalIgnoreCase)
        && Contains(when.Regions, request.PayerRegion, StringComparison.OrdinalIgnoreCase)
        && (when.Between is not { } window || localTime.IsBetween(window.Start, window.End))
        && ContainsTerminal(when.Terminals, request.Terminal);

    /// <summary>Whether a list condition admits <paramref name="value"/>: a null or empty list admits anything, an unknown value nothing else.</summary>
    private static bool Contains(IReadOnlyList<string>? allowed, string? value, StringComparison comparison)
    {
        if (allowed is null || allowed.Count == 0)
        {
            return true;
        }

        if (value is null)
        {
            return false;
        }

        for (var i = 0; i < allowed.Count; i++)
        {
            if (string.Equals(allowed[i], value, comparison))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsTerminal(IReadOnlyList<TerminalType>? allowed, TerminalType terminal)
    {
        if (allowed is null || allowed.Count == 0)
        {
            return true;
        }

        for (var i = 0; i < allowed.Count; i++)
        {
            if (allowed[i] == terminal)
            {
                return true;
            }
        }

        return false;
    }
}
