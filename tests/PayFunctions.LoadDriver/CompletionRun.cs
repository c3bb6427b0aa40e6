using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace PayFunctions.LoadDriver;

/// <summary>
/// Completes created payments the way a payer does: each is paid at the WeChat Pay sandbox, whose
/// signed notification drives the platform through capture, ledger and the merchant's webhook. Done
/// when the demo merchant's webhook receiver (in the sandbox) has every payment's
/// <c>payment.succeeded</c>, or after the timeout.
/// </summary>
public sealed class CompletionRun(HttpClient http, Uri sandboxUrl, int concurrency)
{
    private const string WebhookSink = "sandbox/webhooks/demo";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>How many of <paramref name="paymentIds"/> had their webhook in time.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> paymentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentIds);
        await Parallel.ForEachAsync(
            paymentIds,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                using var paid = await http.PostAsync(new Uri(sandboxUrl, $"sandbox/wechat_pay/orders/{id}/pay"), null, token);
                if (paid.StatusCode != HttpStatusCode.OK)
                {
                    Console.Error.WriteLine($"paying {id} at the sandbox answered {(int)paid.StatusCode}");
                }
            });

        var started = Stopwatch.GetTimestamp();
        var done = 0;
        while (Stopwatch.GetElapsedTime(started) < Timeout && !cancellationToken.IsCancellationRequested)
        {
            var succeeded = await SucceededAsync(cancellationToken);
            done = paymentIds.Count(succeeded.Contains);
            if (done == paymentIds.Count)
            {
                break;
            }

            await Task.Delay(Poll, cancellationToken);
        }

        return done;
    }

    /// <summary>The payments whose <c>payment.succeeded</c> the demo merchant's receiver has.</summary>
    private async Task<HashSet<string>> SucceededAsync(CancellationToken cancellationToken)
    {
        var received = JsonNode.Parse(await http.GetStringAsync(new Uri(sandboxUrl, WebhookSink), cancellationToken))?.AsArray() ?? [];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var webhook in received)
        {
            var body = JsonNode.Parse((string?)webhook?["body"] ?? "{}");
            if ((string?)body?["type"] == "payment.succeeded" && (string?)body["data"]?["object"]?["id"] is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
