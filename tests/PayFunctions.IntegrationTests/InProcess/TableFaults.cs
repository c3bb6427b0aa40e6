using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PayFunctions.IntegrationTests.InProcess;

/// <summary>Fails the next table request that matches, once, as a storage outage would.</summary>
internal sealed class TableFaults : HttpPipelinePolicy
{
    private Func<Request, bool>? armed;

    public int Fired { get; private set; }

    public void FailNext(Func<Request, bool> matches) => armed = matches;

    public static bool Batch(Request r) => r.Method == RequestMethod.Post && r.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal);

    public static Func<Request, bool> WriteTo(string table) =>
        r => r.Method != RequestMethod.Get && r.Uri.Path.Contains("/" + table + "(", StringComparison.Ordinal);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Check(HttpMessage message)
    {
        if (armed is { } matches && matches(message.Request))
        {
            armed = null;
            Fired++;
            throw new RequestFailedException(503, "Injected storage failure.");
        }
    }
}
