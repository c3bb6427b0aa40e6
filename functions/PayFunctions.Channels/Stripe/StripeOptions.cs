namespace PayFunctions.Channels.Stripe;

/// <summary>One Stripe account's settings and secrets.</summary>
public sealed class StripeOptions
{
    /// <summary>Stripe's API host; the production API unless overridden (the sandbox).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.stripe.com");

    /// <summary>The account's id (<c>acct_…</c>), when known: notifications name it as their merchant.</summary>
    public string? AccountId { get; set; }

    /// <summary>The secret API key (<c>sk_…</c>).</summary>
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>).</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>Throws when a value cannot work, so a bad account fails when it is built.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(BaseUrl);
        if (!BaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("BaseUrl must be absolute.", nameof(BaseUrl));
        }

        if (!SecretKey.StartsWith("sk_", StringComparison.Ordinal) && !SecretKey.StartsWith("rk_", StringComparison.Ordinal))
        {
            throw new ArgumentException("The secret key must be a Stripe secret or restricted key (sk_… or rk_…).", nameof(SecretKey));
        }

        if (SecretKey.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("The secret key must not contain whitespace.", nameof(SecretKey));
        }

        if (!WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            throw new ArgumentException("The webhook secret must be the endpoint's signing secret (whsec_…).", nameof(WebhookSecret));
        }
    }
}
