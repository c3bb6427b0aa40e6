namespace PayFunctions.Tests;

/// <summary>The running host and sandbox the live tests use, from the contract's variables with their defaults.</summary>
internal static class LiveEnvironment
{
    public static string ApiBase => Read("PAYFUNCTIONS_API_BASE", "http://127.0.0.1:7071/api").TrimEnd('/');

    public static string ApiKey => Read("PAYFUNCTIONS_API_KEY", "sk_test_demo_0000000000000000000000");

    public static string SandboxUrl => Read("PAYFUNCTIONS_SANDBOX_URL", "http://127.0.0.1:7080").TrimEnd('/');

    public static string WebhookSecret => Read("PAYFUNCTIONS_WEBHOOK_SECRET", "whsec_ZGVtby13ZWJob29rLXNlY3JldC0wMDAwMDA=");

    public static PayFunctionsClient Client() =>
        new(new PayFunctionsClientOptions { ApiKey = ApiKey, BaseUrl = ApiBase });

    /// <summary>An id no other test run shares, so concurrent suites on the same merchant find their own objects.</summary>
    public static string UniqueOrderId(string label) => $"sdk-dotnet-{label}-{Guid.NewGuid():N}";

    /// <summary>Asks until <paramref name="done"/> holds, with a short pause, for a bounded number of attempts.</summary>
    public static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int attempts = 60)
    {
        var last = default(T);
        for (var i = 0; i < attempts; i++)
        {
            last = await read();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new TimeoutException($"Gave up waiting for {what}; last seen: {last}");
    }

    private static string Read(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
