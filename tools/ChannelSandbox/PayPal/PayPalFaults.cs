namespace ChannelSandbox.PayPal;

/// <summary>A misbehaviour the PayPal simulator plays on its next matching calls.</summary>
public sealed record PayPalFault(string Kind) : ISandboxFault
{
    public string? Scope => null;
}

/// <summary>The PayPal faults waiting to be played.</summary>
public sealed class PayPalFaults : FaultQueue<PayPalFault>
{
    /// <summary>The next REST call (not a token request) answers 500 INTERNAL_SERVER_ERROR.</summary>
    public const string ServerError = "server_error";

    /// <summary>The next REST call answers 401 even with a valid token, as after PayPal revoked it.</summary>
    public const string TokenRevoked = "token_revoked";

    /// <summary>The next capture stays PENDING for a while, then completes (and is notified).</summary>
    public const string CapturePending = "capture_pending";

    /// <summary>The next capture is refused: 422 INSTRUMENT_DECLINED.</summary>
    public const string InstrumentDeclined = "instrument_declined";

    /// <summary>Every call a fault can apply to is a REST call.</summary>
    public const string RestCall = "rest";

    public static readonly string[] Kinds = [ServerError, TokenRevoked, CapturePending, InstrumentDeclined];

    public IReadOnlyList<object> View() => [.. Pending().Select(p => new { kind = p.Fault.Kind, remaining = p.Remaining })];
}
