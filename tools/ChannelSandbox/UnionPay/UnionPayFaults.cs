namespace ChannelSandbox.UnionPay;

/// <summary>The kinds of failure the UnionPay control API injects.</summary>
public sealed class UnionPayFaults : FaultQueue
{
    public const string Timeout = "timeout";
    public const string SystemError = "system_error";
    public const string SignatureError = "signature_error";
    public const string UserPaying = "user_paying";
    public const string InsufficientBalance = "insufficient_balance";

    public static readonly string[] Kinds = [Timeout, SystemError, SignatureError, UserPaying, InsufficientBalance];
}
