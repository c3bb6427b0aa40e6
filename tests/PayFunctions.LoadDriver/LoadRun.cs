using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PayFunctions.LoadDriver;

/// <summary>
/// Closed loop: each worker creates a payment, waits for the answer and sends the next one, until the
/// run's time is up. Requests started during warm-up are sent but not recorded. A request succeeds when
/// it answers 201 with the QR code to display; anything else is an error.
/// </summary>
public sealed class LoadRun(HttpClient http, LoadOptions options)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly string runId = $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..21];
    private readonly ErrorLog errors = new();
    private readonly ConcurrentQueue<string> created = new();

    /// <summary>Every payment created with its QR code, warm-up included, in the order the answers came.</summary>
    public IReadOnlyList<string> Created => [.. created];

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + ToTicks(options.Warmup);
        var stopAt = measureFrom + ToTicks(options.Duration);

        var workers = Enumerable.Range(0, options.Concurrency)
            .Select(worker => Task.Run(() => WorkAsync(worker, measureFrom, stopAt, cancellationToken), CancellationToken.None))
            .ToArray();
        var latencies = (await Task.WhenAll(workers)).SelectMany(l => l).ToArray();
        var measured = Stopwatch.GetElapsedTime(Math.Min(measureFrom, Stopwatch.GetTimestamp()));

        return LoadResult.From(options, runId, measured, latencies, errors);
    }

    private async Task<List<double>> WorkAsync(int worker, long measureFrom, long stopAt, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        for (var sequence = 0; !cancellationToken.IsCancellationRequested; sequence++)
        {
            var sent = Stopwatch.GetTimestamp();
            if (sent >= stopAt)
            {
                break;
            }

            var outcome = await CreatePaymentAsync($"{runId}-{worker}-{sequence}", cancellationToken);
            var latency = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            if (outcome is { PaymentId: { } paymentId })
            {
                created.Enqueue(paymentId);
            }

            if (sent < measureFrom || outcome is null)
            {
                continue;
            }

            if (outcome.Succeeded)
            {
                latencies.Add(latency);
            }
            else
            {
                errors.Record(outcome.Kind, outcome.Detail);
            }
        }

        return latencies;
    }

    private async Task<Outcome?> CreatePaymentAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.BaseUrl, "api/v1/payments"))
        {
            Content = JsonContent.Create(new CreatePayment(2500, "CNY", "wechat_pay.native", $"load-{id}", "Load test tea"), options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        request.Headers.Add("Idempotency-Key", $"load-{id}");

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return new Outcome(false, $"HTTP {(int)response.StatusCode}", body);
            }

            return PaymentWithQrCode(body) is { } paymentId ? new Outcome(true, "created", body, paymentId) : new Outcome(false, "201 without QR code", body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return new Outcome(false, "timeout", $"no answer within {http.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new Outcome(false, "connection failed", e.Message);
        }
    }

    /// <summary>The payment's id when the answer carries its QR code.</summary>
    private static string? PaymentWithQrCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var hasQrCode = root.TryGetProperty("next_action", out var next)
                && next.ValueKind == JsonValueKind.Object
                && next.TryGetProperty("display_qr_code", out var qr)
                && qr.TryGetProperty("data", out var data)
                && data.ValueKind == JsonValueKind.String;
            return hasQrCode && root.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private sealed record CreatePayment(long Amount, string Currency, string Method, string MerchantOrderId, string Description);

    private sealed record Outcome(bool Succeeded, string Kind, string Detail, string? PaymentId = null);
}
