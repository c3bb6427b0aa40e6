using PayFunctions.Core.Payments;

namespace PayFunctions.Core.Channels;

/// <summary>
/// A unit of channel work done off the request path by channel workers: place a payment's order at
/// the channel and hand its outcome to the payment's orchestration; make any other call an orchestration
/// asks for (close, query, cancel, capture, refund, refund query) and raise its answer; or reconcile one
/// order against the channel, for a payment notification that arrived after the payment ended, then
/// refund the money it finds.
/// </summary>
/// <param name="ChannelAccount">The platform's account at the channel the order was placed with.</param>
/// <param name="MerchantId">Empty for a channel call: its <see cref="Call"/> says whom to answer.</param>
/// <param name="PaymentId">Empty for a channel call.</param>
public sealed record ChannelWorkItem(string Kind, string Channel, string ChannelAccount, string MerchantId, string PaymentId)
{
    /// <summary>
    /// The money as the channel's verified notification reported it: what a channel without queries (a bank that reports by
    /// file) is reconciled from. A channel that answers queries is asked instead.
    /// </summary>
    public ChannelCredit? Credit { get; init; }

    /// <summary>For <see cref="Prepay"/>: the payment as its orchestration holds it.</summary>
    public PaymentOrchestrationInput? Payment { get; init; }

    /// <summary>For <see cref="PrepayResult"/>: what placing the order came to.</summary>
    public PrepayOutcome? Outcome { get; init; }

    /// <summary>For <see cref="CallChannel"/> and <see cref="AnswerCall"/>: the call and whom to answer.</summary>
    public ChannelCallRequest? Call { get; init; }

    /// <summary>For <see cref="AnswerCall"/>: what the call came to.</summary>
    public ChannelCallAnswer? Answer { get; init; }

    /// <summary>Which try at the channel this is; a retry is a new message sent with a delay.</summary>
    public int Attempt { get; init; } = 1;

    public const string ReconcileOrder = "reconcile_order";

    /// <summary>Place the payment's order at the channel, within the account's limits.</summary>
    public const string Prepay = "prepay";

    /// <summary>Raise a prepay's outcome to the orchestration: needs the Durable client only some workers have.</summary>
    public const string PrepayResult = "prepay_result";

    /// <summary>Make an orchestration's channel call within the account's limits and raise its answer.</summary>
    public const string CallChannel = "channel_call";

    /// <summary>Raise a channel call's answer to its orchestration: needs the Durable client only some workers have.</summary>
    public const string AnswerCall = "channel_call_answer";

    /// <summary>Refund the money a reconciled order found: needs the Durable client only some workers have.</summary>
    public const string RefundLatePayment = "refund_late_payment";

    /// <summary>
    /// Stable per logical item, derived from the payment id (a channel call's from its call id, which its
    /// orchestration draws deterministically): Service Bus duplicate detection drops a second send of it (a
    /// replayed enqueue), while each retry is a send of its own.
    /// </summary>
    public string MessageId => Call is { } call
        ? $"{Kind}:{Channel}:{call.CallId}"
        : (Credit is null ? $"{Kind}:{Channel}:{PaymentId}" : $"{Kind}:{Channel}:{PaymentId}:{Credit.EventId}") + (Attempt > 1 ? $":{Attempt}" : "");
}

/// <summary>Money a channel reported moved for an order.</summary>
/// <param name="TradeNo">The channel's trade number of the movement.</param>
/// <param name="EventId">The channel's id of the notification that reported it.</param>
/// <param name="Amount">Minor units.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="At">When the channel booked it, when it said.</param>
public sealed record ChannelCredit(string TradeNo, string EventId, long Amount, string Currency, DateTimeOffset? At);

public static class ChannelWorkQueues
{
    /// <summary>
    /// The one Storage queue every channel's work shares in the Functions app: its queue trigger names its
    /// queue at compile time. LocalHost polls a Storage queue per channel instead (<see cref="StorageFor"/>);
    /// Service Bus has one queue per channel.
    /// </summary>
    public const string Storage = "channel-work";

    /// <summary>A channel's own Storage queue, where the host polls one per channel.</summary>
    public static string StorageFor(string prefix, string channel) => prefix + "-" + channel.Replace('_', '-');

    /// <summary>Lowercase letters, digits and single hyphens, short enough for every channel's queue (and its poison queue) to stay within 63 characters.</summary>
    public static bool IsValidPrefix(string prefix) =>
        prefix.Length is >= 3 and <= 32 && char.IsAsciiLetterLower(prefix[0]) && !prefix.EndsWith('-') && !prefix.Contains("--", StringComparison.Ordinal)
        && prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>A channel's Service Bus queue, so a congested channel backs up alone.</summary>
    public static string NameFor(string channel) => "channel-" + channel.Replace('_', '-');

    /// <summary>Where a message goes after it failed too often, named as the Functions queue trigger names it.</summary>
    public static string PoisonOf(string queue) => queue + "-poison";
}
