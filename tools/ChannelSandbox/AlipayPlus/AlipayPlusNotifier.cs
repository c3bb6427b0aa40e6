using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.AlipayPlus;

/// <summary>Builds notifyPayment and notifyRefund bodies; they are signed when sent.</summary>
public static class AlipayPlusNotifications
{
    public static AlipayPlusNotification Payment(AlipayPlusPayment payment)
    {
        var body = new JsonObject
        {
            ["notifyType"] = "PAYMENT_RESULT",
            ["result"] = new JsonObject { ["resultCode"] = "SUCCESS", ["resultStatus"] = "S", ["resultMessage"] = "success" },
            ["paymentRequestId"] = payment.Terms.PaymentRequestId,
            ["paymentId"] = payment.PaymentId,
            ["paymentAmount"] = AlipayPlusApi.Amount(payment.Terms.Currency, payment.Terms.Value),
            ["paymentCreateTime"] = AlipayPlusCrypto.Time(payment.CreatedAt),
            ["paymentTime"] = AlipayPlusCrypto.Time(payment.PaidAt!.Value),
            ["pspCustomerInfo"] = payment.PspCustomerInfo(),
        };
        return new AlipayPlusNotification("PAYMENT_RESULT", body.ToJsonString(), payment.Terms.NotifyUrl);
    }

    public static AlipayPlusNotification Refund(AlipayPlusPayment payment, AlipayPlusRefund refund)
    {
        var body = new JsonObject
        {
            ["notifyType"] = "REFUND_RESULT",
            ["result"] = new JsonObject { ["resultCode"] = "SUCCESS", ["resultStatus"] = "S", ["resultMessage"] = "success" },
            ["refundStatus"] = refund.Status,
            ["refundRequestId"] = refund.RefundRequestId,
            ["refundId"] = refund.RefundId,
            ["refundAmount"] = AlipayPlusApi.Amount(payment.Terms.Currency, refund.Value),
            ["refundTime"] = AlipayPlusCrypto.Time(refund.At),
        };
        if (refund.Metadata is not null)
        {
            body["metadata"] = refund.Metadata;
        }

        return new AlipayPlusNotification("REFUND_RESULT", body.ToJsonString(), refund.NotifyUrl!);
    }
}

/// <summary>Deliver <paramref name="Notification"/> no earlier than <paramref name="NotBefore"/>; <paramref name="RetriesDone"/> is null for a resend, which is never retried.</summary>
public sealed record AlipayPlusNotificationJob(AlipayPlusPayment Payment, AlipayPlusNotification Notification, DateTimeOffset NotBefore, string Reason, int? RetriesDone);

public sealed class AlipayPlusNotificationQueue
{
    private readonly Channel<AlipayPlusNotificationJob> _jobs = Channel.CreateUnbounded<AlipayPlusNotificationJob>();

    public ChannelReader<AlipayPlusNotificationJob> Reader => _jobs.Reader;

    public void Enqueue(AlipayPlusNotificationJob job)
    {
        if (!_jobs.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("The notification queue is closed.");
        }
    }
}

/// <summary>
/// POSTs one notification, signed as a request from Alipay+ with a fresh request-time, and records what happened. Acknowledged
/// means HTTP 200 with a result of status S, as Alipay+ documents the merchant's reply.
/// </summary>
public sealed class AlipayPlusNotificationSender(
    IHttpClientFactory httpClients, AlipayPlusKeys keys, IOptions<AlipayPlusSandboxOptions> options, TimeProvider time, ILogger<AlipayPlusNotificationSender> logger)
{
    public const string HttpClientName = "alipay-plus-notify";

    public async Task<bool> SendAsync(AlipayPlusPayment payment, AlipayPlusNotification notification, string reason, CancellationToken cancellationToken)
    {
        var sentAt = time.GetUtcNow();
        var requestTime = AlipayPlusCrypto.Time(sentAt);
        var clientId = options.Value.ClientId;
        var headers = new Dictionary<string, string>
        {
            ["client-id"] = clientId,
            ["request-time"] = requestTime,
            ["signature"] = AlipayPlusCrypto.SignatureHeader(
                keys.AlipayPlusPrivateKey, "1", AlipayPlusCrypto.SignedText(notification.Url.AbsolutePath, clientId, requestTime, notification.Body)),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, notification.Url)
        {
            Content = new StringContent(notification.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        int? status = null;
        string? response = null;
        string? error = null;
        try
        {
            using var answer = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            status = (int)answer.StatusCode;
            response = await answer.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            error = exception.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "timeout";
        }

        var acknowledged = status == 200 && Acknowledges(response);
        payment.Record(new AlipayPlusDelivery(notification.NotifyType, reason, notification.Url, notification.Body, headers, sentAt, status, response, error, acknowledged));
        AlipayPlusLog.Delivered(
            logger, payment.Terms.PaymentRequestId, notification.NotifyType, reason, notification.Url, status?.ToString(CultureInfo.InvariantCulture) ?? error ?? "none");
        return acknowledged;
    }

    private static bool Acknowledges(string? response)
    {
        try
        {
            return JsonNode.Parse(response ?? string.Empty)?["result"]?["resultStatus"]?.GetValue<string>() == "S";
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>Delivers queued notifications, each on its own task, re-queuing an unacknowledged one after the next configured delay.</summary>
public sealed class AlipayPlusNotificationWorker(
    AlipayPlusNotificationQueue queue,
    AlipayPlusNotificationSender sender,
    IOptions<AlipayPlusSandboxOptions> options,
    TimeProvider time,
    ILogger<AlipayPlusNotificationWorker> logger) : BackgroundService
{
    private readonly IReadOnlyList<TimeSpan> _retryDelays = options.Value.RetryDelays();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            _ = RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(AlipayPlusNotificationJob job, CancellationToken stoppingToken)
    {
        try
        {
            var wait = job.NotBefore - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            var acknowledged = await sender.SendAsync(job.Payment, job.Notification, job.Reason, stoppingToken);
            if (!acknowledged && job.RetriesDone is { } done && done < _retryDelays.Count)
            {
                queue.Enqueue(job with { NotBefore = time.GetUtcNow() + _retryDelays[done], Reason = $"retry {done + 1}", RetriesDone = done + 1 });
            }
            else if (!acknowledged && job.RetriesDone is { } retries)
            {
                AlipayPlusLog.GaveUp(logger, job.Payment.Terms.PaymentRequestId, retries);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The sandbox is stopping; undelivered notifications go with it.
        }
        catch (Exception exception)
        {
            AlipayPlusLog.DeliveryFailed(logger, exception, job.Payment.Terms.PaymentRequestId);
        }
    }
}
