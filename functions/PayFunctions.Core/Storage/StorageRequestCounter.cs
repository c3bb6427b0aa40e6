using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PayFunctions.Core.Storage;

/// <summary>
/// Counts every request the storage clients send, each retry included, by <see cref="StorageRequest"/>:
/// the cost of a payment in storage operations is what the load driver reads back, and the same
/// counts go to the <c>payfunctions.storage.requests</c> metric.
/// </summary>
public sealed class StorageRequestCounter : IDisposable
{
    public const string MeterName = "PayFunctions.Storage";

    /// <summary>The platform's own clients.</summary>
    public const string Platform = "platform";

    /// <summary>The Durable engine's clients, where the engine runs in this process.</summary>
    public const string DurableEngine = "durable";

    private readonly ConcurrentDictionary<StorageRequest, long> counts = new();
    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> requests;

    public StorageRequestCounter()
    {
        requests = meter.CreateCounter<long>("payfunctions.storage.requests", "{request}", "Requests sent to the storage services");
    }

    /// <summary>Counts what clients built with <paramref name="options"/> send.</summary>
    public T Attach<T>(T options, string origin, StorageService service)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(new CountingPolicy(this, origin, service), HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>The counts so far, largest first.</summary>
    public IReadOnlyList<KeyValuePair<StorageRequest, long>> Snapshot() =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key.ToString(), StringComparer.Ordinal)];

    public void Dispose() => meter.Dispose();

    private void Count(StorageRequest request)
    {
        counts.AddOrUpdate(request, 1, (_, n) => n + 1);
        requests.Add(
            1,
            new KeyValuePair<string, object?>("origin", request.Origin),
            new KeyValuePair<string, object?>("service", request.Service.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("kind", request.Kind));
    }

    private sealed class CountingPolicy(StorageRequestCounter counter, string origin, StorageService service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            counter.Count(StorageRequest.Classify(origin, service, message.Request.Method.Method, message.Request.Uri.ToUri()));
    }
}
