using Azure.Core;
using Azure.Core.Pipeline;

namespace PayFunctions.Benchmarks;

/// <summary>Counts the table service requests a client sends and the response bytes it receives.</summary>
public sealed class RequestCounter : HttpPipelinePolicy
{
    private long requests;
    private long bytes;

    public long Requests => Interlocked.Read(ref requests);

    public long Bytes => Interlocked.Read(ref bytes);

    public void Reset()
    {
        Interlocked.Exchange(ref requests, 0);
        Interlocked.Exchange(ref bytes, 0);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref requests);
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref requests);
        await ProcessNextAsync(message, pipeline);
        Count(message);
    }

    private void Count(HttpMessage message)
    {
        if (message.HasResponse && message.Response.ContentStream is { CanSeek: true } body)
        {
            Interlocked.Add(ref bytes, body.Length);
        }
    }
}
