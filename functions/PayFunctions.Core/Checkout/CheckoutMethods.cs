using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Domain;

namespace PayFunctions.Core.Checkout;

/// <summary>
/// <c>method: "checkout"</c>: the payer picks the method on the hosted cashier page. Only methods
/// the page can start qualify: the page supplies its own address as the return URL and the payer's
/// IP address, but it cannot know a payer id (an openid needs the channel's OAuth) or a payment code.
/// </summary>
public static class CheckoutMethods
{
    public const string Name = "checkout";
    public const int MaxTypes = 20;

    /// <summary>The payer details the page supplies itself.</summary>
    public const PayerDetails PageSupplies = PayerDetails.ReturnUrl | PayerDetails.ClientIp;

    /// <summary>A checkout payment needs no payer details of its own; the chosen method's are supplied by the page.</summary>
    public static PaymentMethodCapability Capability { get; } = new(Name, NextActionType.None, [], [], 1, long.MaxValue, PayerDetails.None);

    /// <summary>
    /// Whether the page can start <paramref name="method"/> for <paramref name="amount"/>, knowing <paramref name="supplied"/>
    /// of the payer: the method takes the payment's currency and, when the payer's <paramref name="country"/> is known, serves it.
    /// </summary>
    public static bool Fits(PaymentMethodCapability method, Money amount, PayerDetails supplied = PageSupplies, string? country = null) =>
        method.NextAction != NextActionType.None
        && (method.Requires & ~supplied) == PayerDetails.None
        && method.Currencies.Contains(amount.Currency.Code)
        && (country is null || method.Countries.Contains(country))
        && amount.MinorUnits >= method.MinAmount && amount.MinorUnits <= method.MaxAmount;

    /// <summary>The methods the payer may pick: those requested, each checked; null when none were requested.</summary>
    public static (IReadOnlyList<string>? Value, ApiError? Error) Resolve(IReadOnlyList<string>? requested, Money amount, string? country = null)
    {
        if (requested is null)
        {
            // Every method that fits and whose channel is configured, decided where configuration is known.
            return (null, null);
        }

        if (requested.Count is 0 or > MaxTypes || requested.Distinct(StringComparer.Ordinal).Count() != requested.Count)
        {
            return (null, ApiError.InvalidRequest("payment_method_types", $"payment_method_types must list 1 to {MaxTypes} different methods."));
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var name = requested[i];
            if (name is null || !ChannelRegistry.TryGetMethod(name, out _, out var capability))
            {
                return (null, ApiError.InvalidRequest($"payment_method_types[{i}]", $"Supported methods: {string.Join(", ", ChannelRegistry.MethodNames)}."));
            }

            if (!Fits(capability, amount, PageSupplies, country))
            {
                return (null, ApiError.InvalidRequest(
                    $"payment_method_types[{i}]",
                    $"{name} cannot be offered on the checkout page for this amount, currency and payer country, or needs payer details the page cannot collect."));
            }
        }

        return (requested, null);
    }

    /// <summary>Every method of the catalogue the page can start for <paramref name="amount"/> and a payer in <paramref name="country"/>, when known.</summary>
    public static IEnumerable<string> AllThatFit(Money amount, string? country = null) =>
        ChannelRegistry.MethodNames.Where(m => ChannelRegistry.TryGetMethod(m, out _, out var c) && Fits(c, amount, PageSupplies, country));

    /// <summary>The stored form: comma-separated, as method names never contain commas.</summary>
    public static string Join(IReadOnlyList<string> methods) => string.Join(',', methods);

    public static IReadOnlyList<string> Split(string? stored) => string.IsNullOrEmpty(stored) ? [] : stored.Split(',');
}
