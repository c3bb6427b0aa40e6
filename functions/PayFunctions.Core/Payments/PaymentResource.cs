using System.Text.Json;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Fx;
using PayFunctions.Core.Http;
using PayFunctions.Core.Risk;
using PayFunctions.Core.Routing;
using PayFunctions.Domain;

namespace PayFunctions.Core.Payments;

/// <summary>The payment as merchants see it, in responses and in webhook events.</summary>
public sealed record PaymentResource(
    string Id,
    string Object,
    long Amount,
    string Currency,
    string Status,
    string Method,
    string Channel,
    string ChannelAccount,
    string MerchantOrderId,
    string Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    NextActionBody? NextAction,
    string? ChannelTradeNo,
    DateTimeOffset? PaidAt,
    SplitBody? Split,
    IReadOnlyList<AllocationBody>? Allocations,
    string? FailureCode,
    string? FailureMessage,
    IReadOnlyDictionary<string, string>? Metadata)
{
    /// <summary>False for a payment made with a test key: it moved no real money.</summary>
    public bool Livemode { get; init; } = true;

    /// <summary>For a checkout payment, the methods the payer may pick.</summary>
    public IReadOnlyList<string>? PaymentMethodTypes { get; init; }

    /// <summary>The hosted cashier page: whoever holds this address can see and pay the payment.</summary>
    public string? CheckoutUrl { get; init; }

    /// <summary><c>automatic</c>, or <c>manual</c>: the channel holds the payer's money until the merchant captures it.</summary>
    public string CaptureMethod { get; init; } = CaptureMethods.Automatic;

    /// <summary>For a payment that requires capture, when its authorization is released if the merchant has not captured it.</summary>
    public DateTimeOffset? CaptureBefore { get; init; }
    /// <summary>The quote locked for a payment in another currency than the merchant's settlement currency.</summary>
    public FxBody? Fx { get; init; }

    /// <summary>Why the payment went to its channel account: the routing decision and each account the order was tried at.</summary>
    public RoutingBody? Routing { get; init; }

    /// <summary>What risk decided and why; null for a payment made before risk decided on payments.</summary>
    public RiskBody? Risk { get; init; }

    /// <summary>
    /// The order waits in its channel's queue: not placed yet, and not a checkout payment whose payer has
    /// still to pick a method.
    /// </summary>
    public static bool OrderQueued(PaymentEntity p) =>
        p.StatusValue == PaymentStatus.RequiresAction && !p.PlacedAtChannel && p.Method != CheckoutMethods.Name;

    public static PaymentResource From(PaymentEntity p)
    {
        var status = PaymentTransitions.Presented(p.StatusValue, OrderQueued(p));
        var fx = FxBody.Deserialize(p.FxQuoteJson);
        var allocated = fx?.SettlementCurrency ?? p.Currency.ToLowerInvariant();
        return new PaymentResource(
            p.Id,
            "payment",
            p.Amount,
            p.Currency.ToLowerInvariant(),
            ToSnake(status),
            p.Method,
            p.Channel,
            p.ChannelAccount,
            p.MerchantOrderId,
            p.Description,
            p.CreatedAt,
            p.ExpiresAt,
            status == PaymentStatus.RequiresAction ? NextActionBody.Deserialize(p.NextActionJson) : null,
            p.ChannelTradeNo,
            p.PaidAt,
            SplitBody.From(SplitRuleSerializer.Deserialize(p.SplitRuleJson)),
            p.AllocationsJson is null
                ? null
                : [.. SplitRuleSerializer.DeserializeAllocations(p.AllocationsJson).Select(a => new AllocationBody(a.Account, ToSnake(a.Role), a.Amount, allocated))],
            p.FailureCode,
            p.FailureMessage,
            p.MetadataJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(p.MetadataJson))
        {
            Livemode = !p.TestMode,
            PaymentMethodTypes = p.PaymentMethodTypes is null ? null : p.PaymentMethodTypes.Split(','),
            CaptureMethod = p.CaptureLater ? CaptureMethods.Manual : CaptureMethods.Automatic,
            CaptureBefore = status == PaymentStatus.RequiresCapture ? p.CaptureBefore : null,
            Fx = fx,
            Routing = RoutingBody.Deserialize(p.RoutingJson, p.RouteAttemptsJson),
            Risk = RiskBody.From(p.RiskJson, p.RiskReview),
        };
    }

    private static string ToSnake<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

/// <summary>One party's part of a captured payment, in the currency it is paid in: the merchant's settlement currency.</summary>
public sealed record AllocationBody(string Account, string Role, long Amount, string Currency);

public sealed record SplitBody([property: RequiredParameter] IReadOnlyList<SplitRecipientBody>? Recipients)
{
    public static SplitBody? From(SplitRule? rule) =>
        rule is null ? null : new SplitBody([.. rule.Recipients.Select(r => new SplitRecipientBody(r.AccountId, r.BasisPoints, r.FixedMinorUnits))]);
}

public sealed record SplitRecipientBody(string? Account, int? BasisPoints, long? Amount);
