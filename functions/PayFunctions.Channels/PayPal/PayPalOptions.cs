namespace PayFunctions.Channels.PayPal;

/// <summary>Non-secret settings of one PayPal REST app (its client id) and the webhook listener subscribed for it.</summary>
public sealed class PayPalOptions
{
    /// <summary>PayPal's live REST host; the sandbox is <c>https://api-m.sandbox.paypal.com</c>.</summary>
    public static readonly Uri LiveBaseUrl = new("https://api-m.paypal.com");

    /// <summary>The REST API host: PayPal's live host unless overridden (PayPal's sandbox, or the platform's simulator).</summary>
    public Uri BaseUrl { get; set; } = LiveBaseUrl;

    /// <summary>The REST app's client id, the user half of the OAuth client credentials.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>
    /// The id PayPal gave the webhook listener subscribed for this app (<c>https://{public host}/api/notify/paypal</c>);
    /// every webhook's signature covers it, so a webhook for another app or listener does not verify.
    /// </summary>
    public string WebhookId { get; set; } = string.Empty;
}
