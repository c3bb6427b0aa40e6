using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.Stripe;

/// <summary>
/// The account's one webhook endpoint, <c>{Sandbox:PlatformBaseUrl}api/notify/stripe</c>, enabled for the events the
/// platform handles. Each event is posted in the background with <c>Stripe-Signature: t={unix},v1={hex HMAC-SHA256 of
/// "{t}.{body}" under the endpoint's whsec_ secret}</c>, signed afresh at every attempt. Any 2xx is delivered; anything
/// else, or no answer, is tried again: Stripe publishes "exponential back-off for up to three days" in live mode, modelled
/// here as doubling delays from one minute; Sandbox:NotifyRetryDelays, when set, replaces them.
/// </summary>
public sealed partial class StripeWebhooks(
    IHttpClientFactory httpClients,
    StripeStore store,
    StripeKeys keys,
    StripeFaults faults,
    IOptions<SandboxOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<StripeWebhooks> logger) : ScheduledDeliveries<StripeWebhooks.Job>(RetryDelays(configuration, options.Value), time)
{
    public const string HttpClientName = "stripe-webhooks";

    /// <summary>The API version events are rendered in: the endpoint's, which is the one Stripe.net 53 pins.</summary>
    public const string ApiVersion = "2026-10-28.endive";

    public static readonly string[] EnabledEvents =
    [
        "payment_intent.succeeded", "payment_intent.amount_capturable_updated", "payment_intent.payment_failed", "payment_intent.canceled",
        "checkout.session.expired", "refund.created", "refund.updated", "refund.failed",
    ];

    private static readonly TimeSpan[] PublishedRetryDelays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(16),
        TimeSpan.FromMinutes(32), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8),
        TimeSpan.FromHours(16), TimeSpan.FromHours(16), TimeSpan.FromHours(24),
    ];

    private readonly Dictionary<string, List<StripeEvent>> _events = new(StringComparer.Ordinal);

    public Uri EndpointUrl => new(options.Value.PlatformBaseUrl, "api/notify/stripe");

    /// <summary>Creates the event about <paramref name="dataObject"/> and, unless told not to, delivers it with retries.</summary>
    public StripeEvent Publish(string type, JsonObject dataObject, string orderKey, bool deliver = true)
    {
        var created = Time.GetUtcNow();
        var id = StripeStore.NewId("evt_");
        var stripeEvent = new StripeEvent(id, type, orderKey, new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = ApiVersion,
            ["created"] = created.ToUnixTimeSeconds(),
            ["data"] = new JsonObject { ["object"] = dataObject },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        });
        lock (_events)
        {
            if (!_events.TryGetValue(orderKey, out var list))
            {
                _events[orderKey] = list = [];
            }

            list.Add(stripeEvent);
        }

        if (deliver && EnabledEvents.Contains(type))
        {
            Enqueue(new Job(stripeEvent, created, "event", RetriesDone: 0, Repeat: 1));
        }

        return stripeEvent;
    }

    /// <summary>The order's latest event of one of <paramref name="types"/>.</summary>
    public StripeEvent? Latest(string orderKey, params string[] types)
    {
        lock (_events)
        {
            return _events.TryGetValue(orderKey, out var list) ? list.LastOrDefault(e => types.Contains(e.Type)) : null;
        }
    }

    /// <summary>Delivers the event again, without retries: <paramref name="times"/> at once, or one after another.</summary>
    public void Resend(StripeEvent stripeEvent, int times, bool concurrent)
    {
        for (var i = 0; i < (concurrent ? times : 1); i++)
        {
            Enqueue(new Job(stripeEvent, Time.GetUtcNow(), "resend", RetriesDone: null, Repeat: concurrent ? 1 : times));
        }
    }

    /// <summary>The header Stripe sends with <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    public static string Signature(string secret, long timestamp, string body)
    {
        var signed = timestamp.ToString(CultureInfo.InvariantCulture) + "." + body;
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed));
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }

    protected override Task<bool> SendAsync(Job job, CancellationToken cancellationToken) => SendAsync(job.Event, job.Reason, cancellationToken);

    protected override Job Retry(Job job, DateTimeOffset notBefore, int retry) => job with { NotBefore = notBefore, Reason = $"retry {retry}", RetriesDone = retry };

    protected override void Failed(Job job, Exception exception) => LogFailed(logger, exception, job.Event.Id);

    private static IReadOnlyList<TimeSpan> RetryDelays(IConfiguration configuration, SandboxOptions options) =>
        configuration[$"{SandboxOptions.Section}:{nameof(SandboxOptions.NotifyRetryDelays)}"] is { Length: > 0 } ? options.RetryDelays() : PublishedRetryDelays;

    private async Task<bool> SendAsync(StripeEvent stripeEvent, string reason, CancellationToken cancellationToken)
    {
        var body = stripeEvent.Body;
        var secret = faults.Take(StripeFaults.WebhookSignature) is null ? keys.WebhookSecret : "whsec_" + Guid.NewGuid().ToString("N");
        var signature = Signature(secret, Time.GetUtcNow().ToUnixTimeSeconds(), body);
        var url = EndpointUrl;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        request.Headers.UserAgent.ParseAdd("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        var sentAt = Time.GetUtcNow();
        var (status, error) = await PostAsync(httpClients.CreateClient(HttpClientName), request, cancellationToken);

        var delivered = status is >= 200 and < 300;
        var headers = new Dictionary<string, string> { ["Stripe-Signature"] = signature };
        store.Record(stripeEvent.OrderKey, new StripeDelivery(stripeEvent.Id, stripeEvent.Type, reason, url.AbsoluteUri, body, headers, sentAt, status, error, delivered));
        LogDelivery(logger, stripeEvent.Type, stripeEvent.Id, reason, status?.ToString(CultureInfo.InvariantCulture) ?? error);
        return delivered;
    }

    [LoggerMessage(EventId = 9130, Level = LogLevel.Information, Message = "Webhook {Type} {EventId} ({Reason}): {Outcome}")]
    private static partial void LogDelivery(ILogger logger, string type, string eventId, string reason, string? outcome);

    [LoggerMessage(EventId = 9132, Level = LogLevel.Error, Message = "Webhook {EventId}: delivery failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception exception, string eventId);

    public sealed record Job(StripeEvent Event, DateTimeOffset NotBefore, string Reason, int? RetriesDone, int Repeat) : DeliveryJob(NotBefore, Repeat, RetriesDone);
}

/// <summary>An event as created: its body is fixed then, so every delivery of it carries the same bytes.</summary>
public sealed record StripeEvent(string Id, string Type, string OrderKey, JsonObject Json)
{
    public string Body { get; } = Json.ToJsonString();
}
