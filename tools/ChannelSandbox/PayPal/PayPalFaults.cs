namespace ChannelSandbox.PayPal;

/// <summary>The kinds of failure the PayPal control API injects.</summary>
public sealed class PayPalFaults : FaultQueue
{
    /// <summary>The next REST call (not a token request) answers 500 INTERNAL_SERVER_ERROR.</summary>
    public const string ServerError = "server_error";

    /// <summary>The next REST call answers 401 even with a valid token, as after PayPal revoked it.</summary>
    public const string TokenRevoked = "token_revoked";

    /// <summary>The next capture stays PENDING for a while, then completes (and is notified).</summary>
    public const string CapturePending = "capture_pending";

    /// <summary>The next capture is refused: 422 INSTRUMENT_DECLINED.</summary>
    public const string InstrumentDeclined = "instrument_declined";

    public static readonly string[] Kinds = [ServerError, TokenRevoked, CapturePending, InstrumentDeclined];
}
