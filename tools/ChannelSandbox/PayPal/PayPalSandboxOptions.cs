namespace ChannelSandbox.PayPal;

/// <summary>The simulated PayPal REST app, its webhook listener and timings ("Sandbox:PayPal" section).</summary>
public sealed class PayPalSandboxOptions
{
    public const string Section = "Sandbox:PayPal";

    /// <summary>The REST app's client id; its secret is generated and written as <c>paypal-main-client-secret</c>.</summary>
    public string ClientId { get; set; } = "AZsandboxPayFunctionsMainClientId0000000000000000000000000000000";

    /// <summary>The id of the webhook listener subscribed for the app (PayPal's ids are 17 upper-case letters and digits).</summary>
    public string WebhookId { get; set; } = "4JH86294D6297924G";

    /// <summary>Where webhooks go, as set in PayPal's dashboard; the control API can change it (a test's host has its own port).</summary>
    public string WebhookUrl { get; set; } = "http://127.0.0.1:7071/api/notify/paypal";

    /// <summary>How long an access token lives (PayPal: 32 400 s).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(32_400);

    /// <summary>How long a capture the "capture_pending" fault made stays PENDING before it completes.</summary>
    public TimeSpan PendingCaptureDelay { get; set; } = TimeSpan.FromSeconds(2);
}
