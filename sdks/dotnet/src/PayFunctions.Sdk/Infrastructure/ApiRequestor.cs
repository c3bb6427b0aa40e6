using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PayFunctions.Infrastructure;

/// <summary>Sends one API call: authentication, the idempotency key, retries with backoff, and the mapping of error
/// answers to exceptions.</summary>
internal sealed class ApiRequestor : IDisposable
{
    internal const string Version = "0.1.0";
    private const string UserAgent = "payfunctions-dotnet/" + Version;
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly string baseUrl;
    private readonly string apiKey;
    private readonly int maxRetries;
    private readonly TimeSpan timeout;

    public ApiRequestor(PayFunctionsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException("An API key is required.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero);
        apiKey = options.ApiKey;
        baseUrl = options.BaseUrl.TrimEnd('/');
        maxRetries = options.MaxRetries;
        timeout = options.Timeout;
        ownsHttp = options.HttpClient is null;
        // The per-attempt timeout is ours, so a slow attempt can be retried instead of failing the whole call.
        http = options.HttpClient ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>Waits between attempts; replaced in tests so they do not sleep.</summary>
    internal Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = Task.Delay;

    /// <summary>The jitter source, a uniform number in [0, 1).</summary>
    internal Func<double> NextRandom { get; set; } = Random.Shared.NextDouble;

    /// <summary>The clock that a <c>Retry-After</c> date is measured against.</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    public async Task<T> SendAsync<T>(
        HttpMethod method,
        string path,
        QueryString? query,
        object? body,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        var response = await SendRawAsync(method, path, query, body, requestOptions, "application/json", cancellationToken)
            .ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<T>(response.Body, PayFunctionsJson.Options)
                ?? throw new JsonException("The answer was JSON null.");
        }
        catch (JsonException e)
        {
            throw new PayFunctionsException(
                $"The answer to {method} {path} could not be read as {typeof(T).Name}: {e.Message}", e);
        }
    }

    public async Task<ApiResponse> SendRawAsync(
        HttpMethod method,
        string path,
        QueryString? query,
        object? body,
        RequestOptions? requestOptions,
        string accept,
        CancellationToken cancellationToken)
    {
        var isPost = method == HttpMethod.Post;
        // Made once per call, so every retry repeats the same create rather than making another.
        var idempotencyKey = isPost ? requestOptions?.IdempotencyKey ?? Guid.NewGuid().ToString() : null;
        var payload = body is null
            ? (isPost ? EmptyObject : null)
            : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), PayFunctionsJson.Options);
        var url = baseUrl + path + (query?.ToString() ?? "");

        for (var retry = 0; ; retry++)
        {
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(timeout);
            using var request = BuildRequest(method, url, payload, idempotencyKey, accept);
            HttpResponseMessage response;
            byte[] content;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token)
                    .ConfigureAwait(false);
                try
                {
                    content = await response.Content.ReadAsByteArrayAsync(attemptTimeout.Token).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }
            catch (Exception e) when (IsNetworkFailure(e, cancellationToken))
            {
                if (retry >= maxRetries)
                {
                    var reason = e is OperationCanceledException ? $"no answer within {timeout.TotalSeconds} s" : e.Message;
                    throw new ApiConnectionException($"{method} {path} failed after {retry + 1} attempt(s): {reason}", e);
                }

                await Delay(RetryPolicy.Backoff(retry, NextRandom()), cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var requestId = response.Headers.TryGetValues("Request-Id", out var ids) ? ids.FirstOrDefault() : null;
                if (status is >= 200 and < 300)
                {
                    return new ApiResponse(status, content, requestId);
                }

                var problem = ProblemReader.Read(status, content);
                if (retry < maxRetries && RetryPolicy.IsRetryable(status, problem.Code))
                {
                    var wait = RetryPolicy.RetryAfter(response.Headers.RetryAfter, Clock.GetUtcNow())
                        ?? RetryPolicy.Backoff(retry, NextRandom());
                    await Delay(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw ProblemReader.ToException(problem, requestId);
            }
        }
    }

    public void Dispose()
    {
        if (ownsHttp)
        {
            http.Dispose();
        }
    }

    private static bool IsNetworkFailure(Exception e, CancellationToken callerToken) => e switch
    {
        HttpRequestException => true,
        IOException => true,
        // A cancellation the caller did not ask for is this attempt's timeout.
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    private HttpRequestMessage BuildRequest(
        HttpMethod method, string url, byte[]? payload, string? idempotencyKey, string accept)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (payload is not null)
        {
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        }

        return request;
    }
}
