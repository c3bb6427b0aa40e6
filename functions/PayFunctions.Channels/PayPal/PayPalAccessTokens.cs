using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PayFunctions.Channels.PayPal;

/// <summary>
/// OAuth 2.0 client-credentials tokens (<c>POST /v1/oauth2/token</c>), one per app and secret, shared by every adapter the
/// module builds (adapters are rebuilt every few minutes; a token lives hours). A token is used until shortly before its
/// <c>expires_in</c>; a 401 from the API drops it so the next call gets a new one. Concurrent callers wait for one request.
/// </summary>
internal sealed class PayPalAccessTokens
{
    public const string TokenPath = "/v1/oauth2/token";

    // Renew five minutes early (or at half-life for short tokens): a token must not expire between check and use.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A valid token for the app, fetched when none is cached or the cached one is about to expire.</summary>
    public async Task<string> GetAsync(HttpClient httpClient, Uri baseUrl, string clientId, string secret, TimeProvider time, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(Key(baseUrl, clientId, secret), _ => new Entry());
        if (entry.Current is { } cached && cached.RenewAt > time.GetUtcNow())
        {
            return cached.Value;
        }

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (entry.Current is { } fresh && fresh.RenewAt > time.GetUtcNow())
            {
                return fresh.Value;
            }

            var (token, lifetime) = await RequestAsync(httpClient, baseUrl, clientId, secret, cancellationToken).ConfigureAwait(false);
            var margin = lifetime < Margin * 2 ? lifetime / 2 : Margin;
            entry.Current = new CachedToken(token, time.GetUtcNow() + lifetime - margin);
            return token;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> after the API refused it, unless another caller has already replaced it.</summary>
    public void Invalidate(Uri baseUrl, string clientId, string secret, string token)
    {
        if (_entries.TryGetValue(Key(baseUrl, clientId, secret), out var entry) && entry.Current?.Value == token)
        {
            entry.Current = null;
        }
    }

    private static async Task<(string Token, TimeSpan Lifetime)> RequestAsync(
        HttpClient httpClient, Uri baseUrl, string clientId, string secret, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, TokenPath))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (status != 200)
            {
                throw PayPalTransport.Refused("token", status, body);
            }

            var answer = JsonSerializer.Deserialize<TokenAnswer>(body, PayPalJson.Options);
            return answer is { AccessToken.Length: > 0, ExpiresIn: > 0 } && string.Equals(answer.TokenType, "Bearer", StringComparison.OrdinalIgnoreCase)
                ? (answer.AccessToken, TimeSpan.FromSeconds(answer.ExpiresIn.Value))
                : throw new ChannelException("PayPal's token answer carries no bearer token.", PayPalTransport.ResponseMalformed, status, isTransient: false);
        }
        catch (JsonException ex)
        {
            throw new ChannelException("PayPal's token answer is not JSON.", PayPalTransport.ResponseMalformed, null, isTransient: false, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelException("PayPal could not be reached for a token.", null, null, isTransient: true, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelException("PayPal did not answer the token request in time.", null, null, isTransient: true, ex);
        }
    }

    // The secret's hash, not the secret, keys the cache: a rotated secret gets its own token at once.
    private static string Key(Uri baseUrl, string clientId, string secret) =>
        $"{baseUrl.GetLeftPart(UriPartial.Authority)}|{clientId}|{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))}";

    private sealed record CachedToken(string Value, DateTimeOffset RenewAt);

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public CachedToken? Current { get; set; }
    }
}
