namespace PayFunctions.Domain.Routing;

/// <summary>What a merchant's routing optimises among the candidates its rules leave.</summary>
public enum RoutingObjective
{
    /// <summary>The account most likely to succeed; fee and latency only break ties.</summary>
    Success,

    /// <summary>The cheapest account; success only breaks ties.</summary>
    Cost,

    /// <summary>Success weighed against fee by the policy's <see cref="RoutingPolicy.CostWeight"/>.</summary>
    Balanced,
}
