using System.Text.Json;

namespace PayFunctions;

/// <summary>How the merchant's payments choose a channel account: an objective, ordered rules and per-account fees.</summary>
public sealed class RoutingPolicy : PayFunctionsEntity
{
    /// <summary><c>routing_policy</c> in answers; leave unset when sending.</summary>
    public string? Object { get; set; }

    /// <summary>What routing optimises: <c>success</c>, <c>cost</c> or <c>balanced</c>.</summary>
    public string? Objective { get; set; }

    /// <summary>The weight of cost against success for <c>balanced</c>.</summary>
    public double? CostWeight { get; set; }

    /// <summary>The offset the rules' time windows are read in, such as <c>+08:00</c>.</summary>
    public string? UtcOffset { get; set; }

    /// <summary>The rules, first match wins (name, when, candidates), as the API describes them.</summary>
    public List<JsonElement>? Rules { get; set; }

    /// <summary>The fees of each channel account and method.</summary>
    public List<AccountFee>? Fees { get; set; }
}

/// <summary>What a channel account charges for a method.</summary>
public sealed class AccountFee : PayFunctionsEntity
{
    /// <summary>The channel account.</summary>
    public string? ChannelAccount { get; set; }

    /// <summary>The payment method.</summary>
    public string? Method { get; set; }

    /// <summary>The proportional fee in basis points.</summary>
    public int? BasisPoints { get; set; }

    /// <summary>The fixed fee in minor units.</summary>
    public long? Fixed { get; set; }
}
