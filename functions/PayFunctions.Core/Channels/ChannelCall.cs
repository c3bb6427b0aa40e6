using PayFunctions.Core.Refunds;
using PayFunctions.Domain;

namespace PayFunctions.Core.Channels;

/// <summary>One call an orchestration asks the channel workers to make at a channel account, and whom to answer.</summary>
/// <param name="Operation">One of <see cref="ChannelCallOperations"/>.</param>
/// <param name="InstanceId">The orchestration to answer: a payment's or a refund's.</param>
/// <param name="CallId">This try's own id: the answer is raised as <see cref="ChannelCallEvents.AnswerOf"/> it, so a late answer to an earlier try is never taken for this one's.</param>
/// <param name="Input">The operation's input as JSON; it names the account the call is queued for.</param>
public sealed record ChannelCallRequest(string Operation, string Channel, string ChannelAccount, string InstanceId, string CallId, string Input)
{
    /// <summary>Ids a queue message may carry to the Durable client: a payment's or refund's instance, a call id in its one form.</summary>
    public bool HasWellFormedIds =>
        (PaymentIds.IsWellFormed(InstanceId) || RefundIds.IsWellFormed(InstanceId))
        && Guid.TryParseExact(CallId, "D", out var id) && id.ToString("D") == CallId
        && !string.IsNullOrEmpty(Operation) && !string.IsNullOrEmpty(Input);
}

/// <summary>What a channel call came to, raised to the orchestration that asked.</summary>
/// <param name="Result">On success, the operation's result as JSON.</param>
/// <param name="ErrorType">On failure, the exception's type, as a failed activity reports it.</param>
/// <param name="ErrorMessage">On failure, the exception's message.</param>
public sealed record ChannelCallAnswer(bool Succeeded, string? Result, string? ErrorType, string? ErrorMessage)
{
    public static ChannelCallAnswer Success(string result) => new(true, result, null, null);

    public static ChannelCallAnswer Failure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(false, null, exception.GetType().FullName, exception.Message);
    }
}

/// <summary>The operations a channel call may name; the channel workers map each to what runs it.</summary>
public static class ChannelCallOperations
{
    public const string Close = "close";
    public const string Query = "query";
    public const string Cancel = "cancel";
    public const string Capture = "capture";
    public const string Refund = "refund";
    public const string RefundQuery = "refund_query";
    public const string Statement = "statement";
}

public static class ChannelCallEvents
{
    /// <summary>The external event a call's answer is raised as: one per call id.</summary>
    public static string AnswerOf(string callId) => "ChannelCallAnswer:" + callId;
}
