namespace PayFunctions;

/// <summary>How a <see cref="PayFunctionsClient"/> reaches the API.</summary>
public sealed class PayFunctionsClientOptions
{
    /// <summary>The local host's API, the default base URL.</summary>
    public const string DefaultBaseUrl = "http://127.0.0.1:7071/api";

    /// <summary>The merchant's secret key, <c>sk_test_…</c> or <c>sk_live_…</c>.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The API's base URL, without the <c>/v1</c> of the paths. Default <see cref="DefaultBaseUrl"/>.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>How many times a failed request is retried (network failures, 409 <c>idempotency_key_in_use</c>,
    /// 429 and 5xx). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>How long one attempt may take before it counts as a network failure. Default 80 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(80);

    /// <summary>The <see cref="System.Net.Http.HttpClient"/> to send with, when the application manages its own
    /// (its handler's pooling and proxy settings are used, and its own <c>Timeout</c> still applies on top of
    /// <see cref="Timeout"/>). Default: a client owned by the <see cref="PayFunctionsClient"/>.</summary>
    public HttpClient? HttpClient { get; set; }
}
