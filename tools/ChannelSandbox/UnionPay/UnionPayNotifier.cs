using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;

namespace ChannelSandbox.UnionPay;

/// <summary>
/// Back notifications: one signed form POST to the transaction's backUrl per attempt, in the background so no API
/// call waits on the merchant. HTTP 200 or 302 is an acknowledgement; anything else (or no answer within
/// Sandbox:NotifyTimeout) is sent again after each retry delay in turn. UnionPay's published schedule is 1, 2, 4 and
/// 5 minutes after the first attempt (5 sends in all); Sandbox:NotifyRetryDelays, when set, replaces it.
/// </summary>
public sealed class UnionPayNotifier(
    IHttpClientFactory httpClients,
    UnionPayMessages messages,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<UnionPayNotifier> logger) : BackgroundService
{
    public const string HttpClientName = "unionpay-notify";

    private static readonly TimeSpan[] PublishedRetryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5)];

    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>();
    private readonly IReadOnlyList<TimeSpan> _retryDelays = configuration[$"{SandboxOptions.Section}:{nameof(SandboxOptions.NotifyRetryDelays)}"] is { Length: > 0 }
        ? configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>()!.RetryDelays()
        : PublishedRetryDelays;

    /// <summary>Notifies the transaction's result, retried until acknowledged; <paramref name="settle"/> first completes a pending refund.</summary>
    public void Notify(UnionPayTransaction transaction, TimeSpan delay, bool settle = false) =>
        Enqueue(new Job(transaction, time.GetUtcNow() + delay, settle ? "settle" : "result", RetriesDone: 0, Repeat: 1, settle));

    /// <summary>Sends the notification again, without retries.</summary>
    public void Resend(UnionPayTransaction transaction, int times, bool concurrent)
    {
        for (var i = 0; i < (concurrent ? times : 1); i++)
        {
            Enqueue(new Job(transaction, time.GetUtcNow(), "resend", RetriesDone: null, Repeat: concurrent ? 1 : times, Settle: false));
        }
    }

    /// <summary>The notification fields UnionPay posts for a finished transaction, signed.</summary>
    public Dictionary<string, string> Fields(UnionPayTransaction transaction)
    {
        var request = transaction.Request;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["version"] = "5.1.0",
            ["encoding"] = "UTF-8",
            ["signMethod"] = "01",
            ["txnType"] = transaction.TxnType,
            ["txnSubType"] = transaction.TxnSubType,
            ["bizType"] = request["bizType"],
            ["accessType"] = request["accessType"],
            ["merId"] = request["merId"],
            ["orderId"] = transaction.OrderId,
            ["txnTime"] = transaction.TxnTime,
            ["txnAmt"] = transaction.Amount.ToString(CultureInfo.InvariantCulture),
            ["currencyCode"] = "156",
            ["queryId"] = transaction.QueryId,
            ["traceNo"] = transaction.TraceNo,
            ["traceTime"] = transaction.TraceTime,
            ["settleDate"] = transaction.SettleDate,
            ["settleAmt"] = transaction.Amount.ToString(CultureInfo.InvariantCulture),
            ["settleCurrencyCode"] = "156",
            ["respCode"] = transaction.ResultCode,
            ["respMsg"] = transaction.ResultMessage,
        };
        if (request.TryGetValue("reqReserved", out var reserved))
        {
            fields["reqReserved"] = reserved;
        }

        foreach (var (name, value) in transaction.PayerCardFields())
        {
            fields[name] = value;
        }

        if (transaction.Original is { } original)
        {
            fields["origQryId"] = original.QueryId;
        }

        return messages.Sign(fields);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
        {
            _ = RunAsync(job, stoppingToken);
        }
    }

    private void Enqueue(Job job)
    {
        if (!_jobs.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("The notification queue is closed.");
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

            if (job.Settle)
            {
                lock (job.Transaction.Gate)
                {
                    if (job.Transaction.State == TransactionState.Pending)
                    {
                        job.Transaction.Succeed(time.GetUtcNow());
                    }
                }
            }

            var acknowledged = false;
            for (var i = 0; i < job.Repeat; i++)
            {
                acknowledged = await SendAsync(job.Transaction, job.Reason, stoppingToken);
            }

            if (!acknowledged && job.RetriesDone is { } done && done < _retryDelays.Count)
            {
                Enqueue(job with { NotBefore = time.GetUtcNow() + _retryDelays[done], Reason = $"retry {done + 1}", RetriesDone = done + 1, Settle = false });
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Notify {OrderId}: stopped with the sandbox", job.Transaction.OrderId);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Notify {OrderId}: delivery failed unexpectedly", job.Transaction.OrderId);
        }
    }

    private async Task<bool> SendAsync(UnionPayTransaction transaction, string reason, CancellationToken cancellationToken)
    {
        var body = UnionPayMessages.FormText(Fields(transaction));
        using var request = new HttpRequestMessage(HttpMethod.Post, transaction.BackUrl) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded;charset=UTF-8");
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

        var acknowledged = status is StatusCodes.Status200OK or StatusCodes.Status302Found;
        transaction.Record(new UnionPayDelivery(reason, transaction.BackUrl, body, sentAt, status, error, acknowledged));
        logger.LogInformation("Notify {OrderId} ({Reason}) -> {Url}: {Outcome}", transaction.OrderId, reason, transaction.BackUrl, status?.ToString(CultureInfo.InvariantCulture) ?? error);
        return acknowledged;
    }

    private sealed record Job(UnionPayTransaction Transaction, DateTimeOffset NotBefore, string Reason, int? RetriesDone, int Repeat, bool Settle);
}
