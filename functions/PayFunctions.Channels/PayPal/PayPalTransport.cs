using System.Net.Http.Headers;
using System.Text.Json;

namespace PayFunctions.Channels.PayPal;

/// <summary>
/// One REST call with the app's bearer token: a 401 drops the token and the call is sent once more with a new one;
/// <c>PayPal-Request-Id</c> makes a repeated POST the same operation. Failures become <see cref="ChannelException"/>s
/// carrying PayPal's first issue (or error name) as the code.
/// </summary>
internal sealed class PayPalTransport(HttpClient httpClient, PayPalOptions options, string clientSecret, PayPalAccessTokens tokens, TimeProvider time)
{
    public const string ResponseMalformed = "RESPONSE_MALFORMED";

    private const string JsonMediaType = "application/json";

    public async Task<PayPalAnswer> SendAsync(HttpMethod method, string path, object? payload, string? requestId, CancellationToken cancellationToken)
    {
        var body = payload is null ? null : JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), PayPalJson.Options);
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetAsync(httpClient, options.BaseUrl, options.ClientId, clientSecret, time, cancellationToken).ConfigureAwait(false);
            var answer = await SendOnceAsync(method, path, body, requestId, token, cancellationToken).ConfigureAwait(false);
            if (answer.Status != 401 || attempt > 0)
            {
                return answer;
            }

            tokens.Invalidate(options.BaseUrl, options.ClientId, clientSecret, token);
        }
    }

    /// <summary>Reads a 2xx answer as <typeparamref name="T"/>.</summary>
    public static T Read<T>(PayPalAnswer answer)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(answer.Body, PayPalJson.Options)
                ?? throw new ChannelException("PayPal answered with an empty JSON document.", ResponseMalformed, answer.Status, isTransient: false);
        }
        catch (JsonException ex)
        {
            throw new ChannelException("PayPal answered with malformed JSON.", ResponseMalformed, answer.Status, isTransient: false, ex);
        }
    }

    /// <summary>PayPal's first issue (e.g. <c>ORDER_ALREADY_CAPTURED</c>), else its error name, of a failed answer.</summary>
    public static string? IssueOf(byte[] body)
    {
        try
        {
            var error = body.Length == 0 ? null : JsonSerializer.Deserialize<PayPalError>(body, PayPalJson.Options);
            return error?.Details?.FirstOrDefault(d => d.Issue is not null)?.Issue ?? error?.Name ?? error?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The exception for a failed answer: 5xx and 429 are transient, anything else a refusal.</summary>
    public static ChannelException Refused(string operation, int status, byte[] body)
    {
        var issue = IssueOf(body);
        return new ChannelException($"PayPal refused the {operation} with HTTP {status} {issue}.", issue, status, isTransient: status >= 500 || status == 429);
    }

    private async Task<PayPalAnswer> SendOnceAsync(HttpMethod method, string path, byte[]? body, string? requestId, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(options.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        request.Headers.TryAddWithoutValidation("Prefer", "return=representation");
        if (requestId is not null)
        {
            request.Headers.TryAddWithoutValidation("PayPal-Request-Id", requestId);
        }

        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body ?? []);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        }

        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return new PayPalAnswer((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelException("PayPal could not be reached.", null, null, isTransient: true, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelException("PayPal did not answer in time.", null, null, isTransient: true, ex);
        }
    }
}

/// <summary>A raw REST answer.</summary>
internal readonly record struct PayPalAnswer(int Status, byte[] Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
