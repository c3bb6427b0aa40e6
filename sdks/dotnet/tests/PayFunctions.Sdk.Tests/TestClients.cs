namespace PayFunctions.Tests;

/// <summary>A client whose waits are recorded instead of slept, so retry tests take no time.</summary>
internal sealed class RecordingClient : IDisposable
{
    public RecordingClient(string baseUrl, int maxRetries = 2, double jitter = 0.5, TimeSpan? timeout = null)
    {
        Client = new PayFunctionsClient(new PayFunctionsClientOptions
        {
            ApiKey = "sk_test_unit_0000000000000000000000",
            BaseUrl = baseUrl,
            MaxRetries = maxRetries,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        });
        Client.Requestor.Delay = (wait, _) =>
        {
            lock (Delays)
            {
                Delays.Add(wait);
            }

            return Task.CompletedTask;
        };
        Client.Requestor.NextRandom = () => jitter;
    }

    public PayFunctionsClient Client { get; }

    public List<TimeSpan> Delays { get; } = [];

    public void Dispose() => Client.Dispose();
}
