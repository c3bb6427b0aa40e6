namespace ChannelSandbox.AlipayPlus;

/// <summary>
/// A misbehaviour to play on the next matching API calls (<c>api</c>: pay, inquiryPayment, cancel, refund, inquiryRefund; any when absent):
/// <list type="bullet">
/// <item><c>unknown</c>: nothing is done; the answer is result U UNKNOWN_EXCEPTION, signed.</item>
/// <item><c>timeout</c>: the call is carried out, then the answer is held back <c>delay_ms</c> (a lost answer).</item>
/// <item><c>bad_signature</c>: the call is carried out; the answer's signature does not match its body.</item>
/// <item><c>refund_in_process</c>: a refund is answered U REFUND_IN_PROCESS and ends <c>delay_ms</c> later with its notification.</item>
/// </list>
/// </summary>
public sealed record AlipayPlusFault(string Kind, string? Api, int DelayMs) : ISandboxFault
{
    public string? Scope => Api;
}

/// <summary>The Alipay+ faults waiting to be played.</summary>
public sealed class AlipayPlusFaults : FaultQueue<AlipayPlusFault>
{
    public static readonly string[] Kinds = ["unknown", "timeout", "bad_signature", "refund_in_process"];

    public IReadOnlyList<object> View() =>
        [.. Pending().Select(p => new { kind = p.Fault.Kind, api = p.Fault.Api, delay_ms = p.Fault.DelayMs, remaining = p.Remaining })];
}
