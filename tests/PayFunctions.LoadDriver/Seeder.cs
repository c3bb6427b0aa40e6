using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PayFunctions.LoadDriver;

/// <summary>
/// Fills a store with payments before a measured run: <see cref="LoadOptions.Seed"/> creates through the
/// API with <c>Prefer: wait=0</c>, so each answers once it is accepted and its orchestration goes on
/// by itself. Two in five payments expire after the shortest allowed time, so their orchestrations
/// end; the rest wait for a payer who never comes. Nothing is timed.
/// </summary>
public sealed class Seeder(HttpClient http, LoadOptions options)
{
    private const int ExpiringEvery = 5;
    private const int ExpiringPerCycle = 2;
    private const int ShortestExpirySeconds = 60;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(15);
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly string runId = $"seed-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..26];
    private readonly ErrorLog errors = new();
    private int next = -1;
    private int accepted;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency)
            .Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None))
            .ToArray();
        var all = Task.WhenAll(workers);
        while (await Task.WhenAny(all, Task.Delay(ProgressEvery, CancellationToken.None)) != all)
        {
            Console.WriteLine($"seeded {Volatile.Read(ref accepted)} of {options.Seed} in {clock.Elapsed.TotalSeconds:0} s");
        }

        await all;
        var failed = errors.Counts.Values.Sum();
        Console.WriteLine($"seeded {accepted} of {options.Seed} in {clock.Elapsed.TotalSeconds:0} s ({accepted / clock.Elapsed.TotalSeconds:0.0}/s), {failed} failed");
        foreach (var sample in errors.Samples)
        {
            Console.WriteLine(sample);
        }

        return accepted > 0 ? 0 : 1;
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        for (var n = Interlocked.Increment(ref next); n < options.Seed && !cancellationToken.IsCancellationRequested; n = Interlocked.Increment(ref next))
        {
            var kind = await CreateAsync(n, cancellationToken);
            if (kind is null)
            {
                Interlocked.Increment(ref accepted);
            }
            else if (!cancellationToken.IsCancellationRequested)
            {
                errors.Record(kind.Value.Kind, kind.Value.Detail);
            }
        }
    }

    /// <returns>Null when the API accepted the payment, else what went wrong.</returns>
    private async Task<(string Kind, string Detail)?> CreateAsync(int n, CancellationToken cancellationToken)
    {
        var expiresIn = n % ExpiringEvery < ExpiringPerCycle ? ShortestExpirySeconds : (int?)null;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.BaseUrl, "api/v1/payments"))
        {
            Content = JsonContent.Create(new SeedPayment(2500, "CNY", "wechat_pay.native", $"{runId}-{n}", "Seeded tea", expiresIn), options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        request.Headers.Add("Idempotency-Key", $"{runId}-{n}");
        request.Headers.Add("Prefer", "wait=0");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted
                ? null
                : ($"HTTP {(int)response.StatusCode}", await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ("cancelled", "");
        }
        catch (TaskCanceledException)
        {
            return ("timeout", $"no answer within {http.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return ("connection failed", e.Message);
        }
    }

    private sealed record SeedPayment(long Amount, string Currency, string Method, string MerchantOrderId, string Description, int? ExpiresInSeconds);
}
