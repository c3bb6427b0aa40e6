namespace PayFunctions.Domain.Routing;

/// <summary>Why a candidate is not kept, in the order the checks run; <see cref="EliminationReasons"/> holds the codes.</summary>
internal enum Elimination : byte
{
    None,
    OtherChannel,
    NotConfigured,
    CircuitOpen,
    OverTransactionLimit,
    OverDailyAmount,
    OverDailyCount,
    OverRateLimit,
}

/// <summary>Decides whether a candidate can take a payment at all.</summary>
internal static class Eliminations
{
    /// <summary>The first reason <paramref name="account"/> cannot take the payment, or <see cref="Elimination.None"/>.</summary>
    public static Elimination Check(ChannelAccountId account, RouteLimits limits, in AccountState state, RouteRequest request)
    {
        var amount = request.Amount.MinorUnits;
        return true switch
        {
            _ when !string.Equals(account.Channel, request.Channel, StringComparison.Ordinal) => Elimination.OtherChannel,
            _ when !IsConfigured(account, request.Configured) => Elimination.NotConfigured,
            _ when state.CircuitOpen => Elimination.CircuitOpen,
            _ when amount > limits.MaxAmount => Elimination.OverTransactionLimit,
            _ when (Int128)state.DayAmount + amount > limits.DailyAmount => Elimination.OverDailyAmount,
            _ when state.DayCount >= limits.DailyCount => Elimination.OverDailyCount,
            _ when state.LastSecondCount >= limits.PerSecond => Elimination.OverRateLimit,
            _ => Elimination.None,
        };
    }

    /// <summary>The stable code of <paramref name="reason"/>, null when kept.</summary>
    public static string? Code(Elimination reason) => reason switch
    {
        Elimination.OtherChannel => EliminationReasons.OtherChannel,
        Elimination.NotConfigured => EliminationReasons.NotConfigured,
        Elimination.CircuitOpen => EliminationReasons.CircuitOpen,
        Elimination.OverTransactionLimit => EliminationReasons.OverTransactionLimit,
        Elimination.OverDailyAmount => EliminationReasons.OverDailyAmount,
        Elimination.OverDailyCount => EliminationReasons.OverDailyCount,
        Elimination.OverRateLimit => EliminationReasons.OverRateLimit,
        _ => null,
    };

    private static bool IsConfigured(ChannelAccountId account, IReadOnlyList<ChannelAccountId> configured)
    {
        for (var i = 0; i < configured.Count; i++)
        {
            if (configured[i] == account)
            {
                return true;
            }
        }

        return false;
    }
}
