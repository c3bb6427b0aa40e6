using System.Globalization;

namespace ChannelSandbox.Alipay;

/// <summary>The simulated Alipay app and how its notifications are delivered ("Sandbox:Alipay" section).</summary>
public sealed class AlipaySandboxOptions
{
    public const string Section = "Sandbox:Alipay";

    /// <summary>The app id the merchant's requests must carry.</summary>
    public string AppId { get; set; } = "2021000000000001";

    /// <summary>The merchant's Alipay user id (PID), answered as seller_id.</summary>
    public string SellerId { get; set; } = "2088000000000001";

    /// <summary>The platform's account id the secrets are written for: alipay-{Account}-app-private-key.</summary>
    public string Account { get; set; } = "main";

    /// <summary>
    /// Delays between notification attempts, comma-separated TimeSpans. Alipay's published schedule (8 attempts within
    /// about 25 hours) by default; tests make it short.
    /// </summary>
    public string NotifyRetryDelays { get; set; } = "00:04:00,00:10:00,00:10:00,01:00:00,02:00:00,06:00:00,15:00:00";

    /// <summary>How far a request's timestamp may be from the sandbox's clock.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(30);

    public IReadOnlyList<TimeSpan> RetryDelays() =>
        NotifyRetryDelays
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(delay => TimeSpan.Parse(delay, CultureInfo.InvariantCulture))
            .ToArray();

    public bool HasValidRetryDelays() =>
        NotifyRetryDelays.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .All(delay => TimeSpan.TryParse(delay, CultureInfo.InvariantCulture, out var parsed) && parsed >= TimeSpan.Zero);

    public string SecretName(string secret) => $"alipay-{Account}-{secret}";
}
