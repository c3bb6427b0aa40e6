using PayFunctions.Core.Payments;

namespace PayFunctions.Core.Checkout;

/// <summary>The payer picked <paramref name="Method"/> on the checkout page; raised to the payment's orchestration.</summary>
/// <param name="Payer">The details the page supplies for the method (its own address as return URL, the payer's IP).</param>
public sealed record MethodChoice(string Method, string Channel, string ChannelAccount, PayerInput? Payer)
{
    /// <summary>The routing decision for the pick (<see cref="Routing.RoutingBody"/> JSON), kept with the payment.</summary>
    public string? RoutingJson { get; init; }

    /// <summary>The accounts to place the order with, in failover order.</summary>
    public IReadOnlyList<string>? Route { get; init; }
}

public sealed record ChooseMethodInput(string MerchantId, string PaymentId, MethodChoice Choice);

public static class CheckoutEvents
{
    public const string MethodChosen = "MethodChosen";
}
