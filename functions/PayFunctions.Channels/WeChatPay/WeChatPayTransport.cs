using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// One APIv3 call: signs the request with the merchant key, verifies every 2xx answer against the platform key it
/// names before anything reads it, and turns transport failures into transient <see cref="ChannelException"/>s.
/// </summary>
internal sealed class WeChatPayTransport(
    HttpClient httpClient,
    WeChatPayOptions options,
    WeChatPayRequestSigner signer,
    WeChatPaySignatureVerifier verifier,
    TimeProvider timeProvider)
{
    public const string ResponseMalformed = "RESPONSE_MALFORMED";
    public const int Accepted = 202;
    public const int NoContent = 204;

    private const string JsonMediaType = "application/json";
    private const string UserAgent = "PayFunctions-WeChatPay/1.0";
    private const string ResponseSignatureInvalid = "RESPONSE_SIGNATURE_INVALID";

    private static readonly MediaTypeHeaderValue JsonContentType = new(JsonMediaType);

    public async Task<WeChatPayResponse> SendAsync(HttpMethod method, string pathAndQuery, object? payload, CancellationToken cancellationToken)
    {
        // Appended rather than resolved: a base URL with a path (a gateway or proxy in front of WeChat Pay) keeps it.
        var uri = new Uri(options.BaseUrl.AbsoluteUri.TrimEnd('/') + pathAndQuery);
        var body = payload is null ? [] : JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), WeChatPayJson.Options);
        using var request = SignedRequest(method, uri, body);
        if (payload is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonContentType;
        }

        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var result = new WeChatPayResponse(status, responseBody);
            if (result.IsSuccess && !verifier.TryVerify(WeChatPaySignatureHeaders.From(response.Headers), responseBody, out var failure))
            {
                throw new ChannelException($"WeChat Pay response signature rejected: {failure}.", ResponseSignatureInvalid, status, isTransient: false);
            }

            return result;
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelException("WeChat Pay could not be reached.", null, null, isTransient: true, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelException("WeChat Pay did not answer in time.", null, null, isTransient: true, ex);
        }
    }

    /// <summary>
    /// A signed GET of <paramref name="uri"/> (an address WeChat Pay handed out, such as a bill's download_url) whose answer
    /// is not signed: it is returned as soon as its headers arrive, for the caller to check, stream and dispose.
    /// </summary>
    public async Task<HttpResponseMessage> OpenAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = SignedRequest(HttpMethod.Get, uri, []);
        try
        {
            return await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelException("WeChat Pay could not be reached.", null, null, isTransient: true, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelException("WeChat Pay did not answer in time.", null, null, isTransient: true, ex);
        }
    }

    /// <summary>Reads a verified 2xx body.</summary>
    public static T ReadVerified<T>(WeChatPayResponse response)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(response.Body, WeChatPayJson.Options)
                ?? throw new ChannelException("WeChat Pay answered with an empty JSON document.", ResponseMalformed, response.Status, isTransient: false);
        }
        catch (JsonException ex)
        {
            throw new ChannelException("WeChat Pay answered with malformed JSON.", ResponseMalformed, response.Status, isTransient: false, ex);
        }
    }

    private HttpRequestMessage SignedRequest(HttpMethod method, Uri uri, byte[] body)
    {
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var nonce = WeChatPayRequestSigner.CreateNonce();

        // HttpClient puts uri.PathAndQuery on the request line, so that is exactly the URL WeChat Pay re-signs.
        var signature = signer.Sign(WeChatPayRequestSigner.BuildMessage(method.Method, uri.PathAndQuery, timestamp, nonce, Encoding.UTF8.GetString(body)));
        var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            WeChatPayRequestSigner.Scheme + " " + WeChatPayRequestSigner.BuildAuthorizationParameter(options.MchId, nonce, signature, timestamp, options.MerchantSerialNo));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        request.Headers.UserAgent.ParseAdd(UserAgent);
        return request;
    }

    /// <summary>The <c>{"code","message"}</c> of an error answer. Error bodies are not signed: act on them only by querying.</summary>
    public static ErrorAnswer? TryReadError(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize<ErrorAnswer>(body, WeChatPayJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static ChannelException ToChannelException(WeChatPayResponse response)
    {
        var error = TryReadError(response.Body);
        var message = $"WeChat Pay answered {response.Status} {error?.Code}: {error?.Message}";
        return new ChannelException(message, error?.Code, response.Status, response.IsTransientFailure);
    }
}

/// <summary>A raw APIv3 answer; a 2xx one has been verified.</summary>
internal readonly record struct WeChatPayResponse(int Status, byte[] Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>5xx, rate limits, and 202 (USER_PAYING, nothing done yet): the same call may succeed later.</summary>
    public bool IsTransientFailure => Status >= 500 || Status == 429 || Status == WeChatPayTransport.Accepted;
}
