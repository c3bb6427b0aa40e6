using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.Alipay;

/// <summary>
/// Builds the asynchronous notifications (<c>notify_type=trade_status_sync</c>) as form parameters signed with the
/// Alipay key over the sorted parameters without sign and sign_type.
/// </summary>
public sealed class AlipayNotificationFactory(AlipayKeys keys, IOptions<AlipaySandboxOptions> options, TimeProvider time)
{
    public AlipayNotification Create(AlipayTrade trade, string kind, IReadOnlyDictionary<string, string> extra)
    {
        var now = time.GetUtcNow();
        var identity = options.Value;
        var total = AlipayCrypto.Yuan(trade.Terms.TotalFen);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["gmt_create"] = AlipayCrypto.Time(trade.CreatedAt),
            ["charset"] = "utf-8",
            ["seller_email"] = "merchant@sandbox.alipay.test",
            ["subject"] = trade.Terms.Subject,
            ["buyer_id"] = trade.BuyerId,
            ["invoice_amount"] = total,
            ["notify_id"] = AlipayCrypto.Time(now)[..10].Replace("-", "", StringComparison.Ordinal) + "00222" + AlipayCrypto.RandomDigits(21),
            ["fund_bill_list"] = "[{\"amount\":\"" + total + "\",\"fundChannel\":\"ALIPAYACCOUNT\"}]",
            ["notify_type"] = "trade_status_sync",
            ["trade_status"] = trade.Status,
            ["receipt_amount"] = total,
            ["buyer_pay_amount"] = total,
            ["sign_type"] = "RSA2",
            ["app_id"] = identity.AppId,
            ["seller_id"] = identity.SellerId,
            ["notify_time"] = AlipayCrypto.Time(now),
            ["version"] = "1.0",
            ["out_trade_no"] = trade.Terms.OutTradeNo,
            ["total_amount"] = total,
            ["trade_no"] = trade.TradeNo!,
            ["auth_app_id"] = identity.AppId,
            ["buyer_logon_id"] = "159****5620",
            ["point_amount"] = "0.00",
        };
        if (trade.PaidAt is { } paidAt)
        {
            parameters["gmt_payment"] = AlipayCrypto.Time(paidAt);
        }

        if (trade.Terms.PassbackParams is { } passback)
        {
            parameters["passback_params"] = passback;
        }

        foreach (var (name, value) in extra)
        {
            parameters[name] = value;
        }

        parameters["sign"] = AlipayCrypto.Sign(keys.AlipayPrivateKey, AlipayCrypto.SigningString(parameters, withoutSignType: true));
        return new AlipayNotification(parameters["notify_id"], kind, AlipayCrypto.FormEncode(parameters));
    }
}

/// <summary>Deliver <paramref name="Notification"/> no earlier than <paramref name="NotBefore"/>; <paramref name="RetriesDone"/> is null for a resend, which is never retried.</summary>
public sealed record AlipayNotificationJob(AlipayTrade Trade, AlipayNotification Notification, DateTimeOffset NotBefore, string Reason, int? RetriesDone, int Repeat = 1);

public sealed class AlipayNotificationQueue
{
    private readonly Channel<AlipayNotificationJob> _jobs = Channel.CreateUnbounded<AlipayNotificationJob>();

    public ChannelReader<AlipayNotificationJob> Reader => _jobs.Reader;

    public void Enqueue(AlipayNotificationJob job)
    {
        if (!_jobs.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("The notification queue is closed.");
        }
    }
}

/// <summary>POSTs one notification and records what happened. Acknowledged means HTTP 2xx with the body <c>success</c>.</summary>
public sealed class AlipayNotificationSender(IHttpClientFactory httpClients, TimeProvider time, ILogger<AlipayNotificationSender> logger)
{
    public const string HttpClientName = "alipay-notify";

    public async Task<bool> SendAsync(AlipayTrade trade, AlipayNotification notification, string reason, CancellationToken cancellationToken)
    {
        var url = trade.Terms.NotifyUrl!;
        var sentAt = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(notification.Body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");

        int? status = null;
        string? responseBody = null;
        string? error = null;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            error = exception.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "timeout";
        }

        // Alipay reads the body only: anything but the seven characters "success" is a failure and is sent again.
        var acknowledged = status is >= 200 and < 300 && responseBody?.Trim() == "success";
        trade.Record(new AlipayDelivery(notification.NotifyId, reason, url, notification.Body, sentAt, status, responseBody, error, acknowledged));
        logger.LogInformation(
            "Alipay notify {OutTradeNo} {Kind} ({Reason}) -> {Url}: {Outcome}",
            trade.Terms.OutTradeNo,
            notification.Kind,
            reason,
            url,
            status?.ToString(CultureInfo.InvariantCulture) ?? error);
        return acknowledged;
    }
}

/// <summary>Delivers queued notifications, each on its own task, re-queuing an unacknowledged one after the next configured delay.</summary>
public sealed class AlipayNotificationWorker(
    AlipayNotificationQueue queue,
    AlipayNotificationSender sender,
    IOptions<AlipaySandboxOptions> options,
    TimeProvider time,
    ILogger<AlipayNotificationWorker> logger) : BackgroundService
{
    private readonly IReadOnlyList<TimeSpan> _retryDelays = options.Value.RetryDelays();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            _ = RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(AlipayNotificationJob job, CancellationToken stoppingToken)
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
                acknowledged = await sender.SendAsync(job.Trade, job.Notification, job.Reason, stoppingToken);
            }

            if (!acknowledged && job.RetriesDone is { } done && done < _retryDelays.Count)
            {
                queue.Enqueue(job with { NotBefore = time.GetUtcNow() + _retryDelays[done], Reason = $"retry {done + 1}", RetriesDone = done + 1 });
            }
            else if (!acknowledged && job.RetriesDone is not null)
            {
                logger.LogWarning("Alipay notify {OutTradeNo}: gave up after {Retries} retries", job.Trade.Terms.OutTradeNo, job.RetriesDone);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Alipay notify {OutTradeNo}: stopped with the sandbox", job.Trade.Terms.OutTradeNo);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Alipay notify {OutTradeNo}: delivery failed unexpectedly", job.Trade.Terms.OutTradeNo);
        }
    }
}
