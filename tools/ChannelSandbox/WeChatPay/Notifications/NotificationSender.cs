using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace ChannelSandbox.WeChatPay.Notifications;

/// <summary>POSTs one notification, signed afresh for this attempt, and records what happened.</summary>
public sealed class NotificationSender(
    IHttpClientFactory httpClients,
    PlatformSigningKeys keys,
    TimeProvider time,
    ILogger<NotificationSender> logger)
{
    public const string HttpClientName = "wechatpay-notify";

    /// <summary>True when the merchant acknowledged: WeChat Pay accepts only HTTP 200 or 204.</summary>
    public async Task<bool> SendAsync(INotificationTarget target, NotificationMessage message, string reason, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(message.Body);
        var sentAt = time.GetUtcNow();
        // A new timestamp and nonce per attempt: merchants reject signatures older than a few minutes,
        // and a retry may come long after the first attempt.
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WeChatPayCrypto.RandomString(32);
        var key = keys.Next();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Content-Type"] = "application/json",
            ["Wechatpay-Timestamp"] = timestamp,
            ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Signature"] = WeChatPayCrypto.Sign(key.PrivateKey, WeChatPayCrypto.SignatureMessage([timestamp, nonce], body)),
            ["Wechatpay-Serial"] = key.Serial,
            ["Wechatpay-Signature-Type"] = "WECHATPAY2-SHA256-RSA2048",
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, target.NotifyUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers.Where(header => header.Key != "Content-Type"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

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

        var acknowledged = status is StatusCodes.Status200OK or StatusCodes.Status204NoContent;
        target.Record(new DeliveryRecord(message.Id, reason, target.NotifyUrl!, headers, message.Body, sentAt, status, responseBody, error, acknowledged));
        logger.LogInformation(
            "Notify {OutTradeNo} ({Reason}) -> {Url}: {Outcome}",
            target.Label,
            reason,
            target.NotifyUrl,
            status?.ToString(CultureInfo.InvariantCulture) ?? error);
        return acknowledged;
    }
}
