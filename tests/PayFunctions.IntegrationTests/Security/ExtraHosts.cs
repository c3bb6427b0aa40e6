namespace PayFunctions.IntegrationTests.Security;

/// <summary>
/// Second LocalHosts with settings the shared host must not have (a low limit on failed
/// authentication, private networks refused for webhooks), each started the first time a test of the
/// class asks for it and stopped with the class.
/// </summary>
public sealed class ExtraHosts : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, (ManagedProcess Process, HttpClient Api)> started = new(StringComparer.Ordinal);

    public async Task<HttpClient> GetAsync(PlatformFixture platform, string taskHub, IReadOnlyDictionary<string, string> settings)
    {
        await gate.WaitAsync();
        try
        {
            if (!started.TryGetValue(taskHub, out var host))
            {
                host = await platform.StartExtraHostAsync(taskHub, settings);
                started[taskHub] = host;
            }

            return host.Api;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var (process, api) in started.Values)
        {
            api.Dispose();
            process.Dispose();
        }

        gate.Dispose();
    }
}
