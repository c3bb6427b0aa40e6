namespace ChannelSandbox.UnionPay;

/// <summary>The simulated UnionPay merchant account and the sandbox's timings ("Sandbox:UnionPay" section).</summary>
public sealed class UnionPayIdentity
{
    public const string Section = "Sandbox:UnionPay";

    /// <summary>UnionPay's open test merchant number, the one its documentation and demos use.</summary>
    public string MerId { get; set; } = "777290058110048";

    /// <summary>How long a refund stays "accepted" (origRespCode 05) before it succeeds and is notified.</summary>
    public TimeSpan RefundDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the "timeout" fault holds a request before answering 03 (交易通讯超时).</summary>
    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromSeconds(35);
}
