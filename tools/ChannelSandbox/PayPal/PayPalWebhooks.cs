using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.PayPal;

/// <summary>
/// Webhooks to the listener subscribed for the app, in the background. Every transmission (first, retry or resend) has
/// its own PAYPAL-TRANSMISSION-ID and -TIME and is signed SHA256withRSA with the sandbox's certificate over
/// <c>id|time|webhook id|CRC-32 of the body</c>; the certificate is served at PAYPAL-CERT-URL on the sandbox. A 2xx
/// acknowledges; anything else is sent again. PayPal publishes "up to 25 times over 3 days" without the intervals, so the
/// default schedule grows from a minute to four hours and sums to about three days; Sandbox:NotifyRetryDelays replaces it.
/// </summary>
public sealed class PayPalWebhooks(
    IHttpClientFactory httpClients,
    PayPalKeys keys,
    IOptions<PayPalSandboxOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<PayPalWebhooks> logger) : BackgroundService
{
    public const string HttpClientName = "paypal-webhooks";
    public const string CertPathPrefix = "/v1/notifications/certs/";

    private static readonly TimeSpan[] PublishedRetryDelays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(16),
        TimeSpan.FromMinutes(32), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3),
        .. Enumerable.Repeat(TimeSpan.FromHours(4), 16),
    ];

    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>();
    private readonly IReadOnlyList<TimeSpan> _retryDelays = configuration[$"{SandboxOptions.Section}:{nameof(SandboxOptions.NotifyRetryDelays)}"] is { Length: > 0 }
        ? configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>()!.RetryDelays()
        : PublishedRetryDelays;

    private string _listenerUrl = options.Value.WebhookUrl;

    /// <summary>The listener's URL, as subscribed in PayPal's dashboard.</summary>
    public string ListenerUrl
    {
        get => Volatile.Read(ref _listenerUrl);
        set => Volatile.Write(ref _listenerUrl, value);
    }

    /// <summary>Records the event as the order's latest and delivers it, unless the order's webhooks are lost. Call under the order's gate.</summary>
    public void Publish(PayPalOrder order, string eventType, string resourceType, object resource)
    {
        var now = time.GetUtcNow();
        var body = JsonSerializer.Serialize(
            new
            {
                id = "WH-" + PayPalOrder.NewId(17) + "-" + PayPalOrder.NewId(17),
                event_version = "1.0",
                create_time = PayPalViews.Time(now),
                resource_type = resourceType,
                resource_version = "2.0",
                event_type = eventType,
                summary = $"{eventType} for {order.InvoiceId}",
                resource,
            },
            SandboxJson.Options);
        var webhook = new PayPalEvent(body[7..body.IndexOf('"', 7)], eventType, body);
        order.LastEvent = webhook;
        if (!order.WebhooksLost)
        {
            Enqueue(new Job(order, webhook, now, "event", RetriesDone: 0, Repeat: 1));
        }
    }

    /// <summary>After <paramref name="delay"/>, a PENDING capture completes and says so.</summary>
    public void CompleteLater(PayPalOrder order, TimeSpan delay) => _ = CompleteAsync(order, delay);

    /// <summary>Sends the order's latest event again (PayPal's "resend event"), without retries.</summary>
    public void Resend(PayPalOrder order, PayPalEvent webhook, int times, bool concurrent)
    {
        for (var i = 0; i < (concurrent ? times : 1); i++)
        {
            Enqueue(new Job(order, webhook, time.GetUtcNow(), "resend", RetriesDone: null, Repeat: concurrent ? 1 : times));
        }
    }

    /// <summary>The five signature headers of one transmission of <paramref name="body"/>.</summary>
    public Dictionary<string, string> Sign(string body, Uri sandboxBase)
    {
        var transmissionId = Guid.NewGuid().ToString();
        var transmissionTime = PayPalViews.Time(time.GetUtcNow());
        var crc = Crc32.HashToUInt32(Encoding.UTF8.GetBytes(body));
        var message = string.Create(CultureInfo.InvariantCulture, $"{transmissionId}|{transmissionTime}|{options.Value.WebhookId}|{crc}");
        var signature = keys.SigningKey.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PAYPAL-TRANSMISSION-ID"] = transmissionId,
            ["PAYPAL-TRANSMISSION-TIME"] = transmissionTime,
            ["PAYPAL-TRANSMISSION-SIG"] = Convert.ToBase64String(signature),
            ["PAYPAL-CERT-URL"] = new Uri(sandboxBase, CertPathPrefix.TrimStart('/') + keys.CertificateName).AbsoluteUri,
            ["PAYPAL-AUTH-ALGO"] = "SHA256withRSA",
        };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
            {
                _ = RunAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The sandbox is stopping: deliveries not yet due are dropped with it, as a channel's would be on restart.
        }
    }

    private async Task CompleteAsync(PayPalOrder order, TimeSpan delay)
    {
        await Task.Delay(delay, time);
        lock (order.Gate)
        {
            if (order.Capture is { Status: "PENDING" } capture)
            {
                capture.Status = "COMPLETED";
                capture.UpdatedAt = time.GetUtcNow();
                Publish(order, "PAYMENT.CAPTURE.COMPLETED", "capture", PayPalViews.Capture(order, capture));
            }
        }
    }

    private void Enqueue(Job job)
    {
        if (!_jobs.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("The webhook queue is closed.");
        }
    }

    private async Task RunAsync(Job job, CancellationToken stoppingToken)
    {
        try
        {
            var wait = job.NotBefore - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            var acknowledged = false;
            for (var i = 0; i < job.Repeat; i++)
            {
                acknowledged = await SendAsync(job, stoppingToken);
            }

            if (!acknowledged && job.RetriesDone is { } done && done < _retryDelays.Count)
            {
                Enqueue(job with { NotBefore = time.GetUtcNow() + _retryDelays[done], Reason = $"retry {done + 1}", RetriesDone = done + 1 });
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Webhook {EventId}: stopped with the sandbox", job.Event.Id);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Webhook {EventId}: delivery failed unexpectedly", job.Event.Id);
        }
    }

    private async Task<bool> SendAsync(Job job, CancellationToken cancellationToken)
    {
        var url = ListenerUrl;
        var headers = Sign(job.Event.Body, job.Order.SandboxBase);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(job.Event.Body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var sentAt = time.GetUtcNow();
        int? status = null;
        string? error = null;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException exception)
        {
            error = exception.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "timeout";
        }

        var acknowledged = status is >= 200 and < 300;
        job.Order.Record(new PayPalDelivery(job.Reason, job.Event.EventType, url, job.Event.Body, headers, sentAt, status, error, acknowledged));
        logger.LogInformation("Webhook {EventType} {EventId} ({Reason}) -> {Url}: {Outcome}", job.Event.EventType, job.Event.Id, job.Reason, url, status?.ToString(CultureInfo.InvariantCulture) ?? error);
        return acknowledged;
    }

    private sealed record Job(PayPalOrder Order, PayPalEvent Event, DateTimeOffset NotBefore, string Reason, int? RetriesDone, int Repeat);
}
