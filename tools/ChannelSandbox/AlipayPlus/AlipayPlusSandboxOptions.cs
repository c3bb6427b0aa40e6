namespace ChannelSandbox.AlipayPlus;

/// <summary>The simulated Alipay+ (Antom) merchant client and how its notifications are delivered ("Sandbox:AlipayPlus" section).</summary>
public sealed class AlipayPlusSandboxOptions
{
    public const string Section = "Sandbox:AlipayPlus";

    /// <summary>The client id the merchant's requests must carry.</summary>
    public string ClientId { get; set; } = "SANDBOX_5YEZ0000000000001";

    /// <summary>The version of the merchant key registered with the client.</summary>
    public string KeyVersion { get; set; } = "1";

    /// <summary>The platform's account id the secrets are written for: alipay-plus-{Account}-merchant-private-key.</summary>
    public string Account { get; set; } = "main";

    /// <summary>
    /// Delays between notification attempts, comma-separated TimeSpans. Antom's published schedule by default: up to eight
    /// retries within 24 hours, at 0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h and 15 h; tests make it short.
    /// </summary>
    public string NotifyRetryDelays { get; set; } = "00:00:00,00:02:00,00:10:00,00:10:00,01:00:00,02:00:00,06:00:00,15:00:00";

    /// <summary>How far a request's request-time may be from the sandbox's clock.</summary>
    public TimeSpan RequestTimeTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<TimeSpan> RetryDelays() => NotifyRetrySchedule.Parse(NotifyRetryDelays);

    public bool HasValidRetryDelays() => NotifyRetrySchedule.IsValid(NotifyRetryDelays);

    public string SecretName(string secret) => $"alipay-plus-{Account}-{secret}";
}
