using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;

namespace PayFunctions.Channels.PayPal;

/// <summary>
/// The certificates PayPal signs webhooks with, fetched from the <c>PAYPAL-CERT-URL</c> a webhook names and kept for the
/// process (shared by every adapter the module builds). Only an allowed URL is ever fetched (see <see cref="IsAllowed"/>),
/// so a forged header cannot make the platform call an address of the sender's choosing. A fetched certificate is used
/// only if its subject is PayPal's message-verification name, it is valid now, and, when it came from one of PayPal's
/// hosts, it chains to a root the machine trusts.
/// </summary>
internal sealed class PayPalWebhookCertificates
{
    public const string CertPathPrefix = "/v1/notifications/certs/";

    private const int MaxCertificateBytes = 64 * 1024;
    private const int MaxEntries = 64;

    // Where PayPal serves webhook certificates, and its REST hosts (a BaseUrl on them is PayPal, whose certificates must chain).
    private static readonly HashSet<string> PayPalCertHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "api.paypal.com", "api.sandbox.paypal.com", "api-m.paypal.com", "api-m.sandbox.paypal.com",
    };

    // A certificate is re-fetched daily even if it stays valid, so one PayPal revokes is not trusted for long; a failed
    // fetch is not retried for a minute, so forged headers naming PayPal's host cannot turn into a stream of calls.
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="certUrl"/> may be fetched: https on PayPal's hosts (<c>api.paypal.com</c>,
    /// <c>api.sandbox.paypal.com</c> and the REST hosts <c>api-m.…</c>), or the exact origin of the account's configured <paramref name="baseUrl"/> (a
    /// stand-in such as the simulator, trusted already with the client secret and every order state), always under
    /// <c>/v1/notifications/certs/</c>, without credentials, query or fragment.
    /// </summary>
    public static bool IsAllowed(Uri certUrl, Uri baseUrl)
    {
        if (!certUrl.IsAbsoluteUri || certUrl.UserInfo.Length > 0 || certUrl.Query.Length > 0 || certUrl.Fragment.Length > 0
            || !certUrl.AbsolutePath.StartsWith(CertPathPrefix, StringComparison.Ordinal) || certUrl.AbsolutePath.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        return IsPayPalHost(certUrl)
            || (string.Equals(certUrl.Scheme, baseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(certUrl.IdnHost, baseUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
                && certUrl.Port == baseUrl.Port);
    }

    /// <summary>Whether the URL is on one of PayPal's certificate hosts over https on its default port.</summary>
    public static bool IsPayPalHost(Uri certUrl) =>
        certUrl.Scheme == Uri.UriSchemeHttps && certUrl.IsDefaultPort && PayPalCertHosts.Contains(certUrl.IdnHost);

    /// <summary>The cached, checked certificate of <paramref name="certUrl"/>; false when it was not fetched or no longer holds.</summary>
    public bool TryGet(Uri certUrl, DateTimeOffset now, out X509Certificate2 certificate)
    {
        certificate = null!;
        if (_entries.TryGetValue(certUrl.AbsoluteUri, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
            && lazy.Value.Result is { Certificate: { } found } entry && entry.Until > now && found.NotBefore <= now.UtcDateTime && found.NotAfter >= now.UtcDateTime)
        {
            certificate = found;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Fetches and checks the certificate of an allowed <paramref name="certUrl"/> unless it is cached; one fetch per URL
    /// at a time. Throws an authentication failure when it cannot be had, so the channel sends the webhook again later.
    /// </summary>
    public async Task EnsureAsync(HttpClient httpClient, Uri certUrl, Uri baseUrl, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!IsAllowed(certUrl, baseUrl))
        {
            throw ChannelNotificationException.Unauthenticated("cert_url_not_allowed");
        }

        var key = certUrl.AbsoluteUri;
        while (true)
        {
            var lazy = _entries.GetOrAdd(key, _ => new Lazy<Task<Entry>>(() => FetchAsync(httpClient, certUrl, time)));
            var entry = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (entry.Until > time.GetUtcNow())
            {
                if (entry.Certificate is null)
                {
                    throw ChannelNotificationException.Unauthenticated("certificate_unavailable");
                }

                return;
            }

            _entries.TryRemove(KeyValuePair.Create(key, lazy));
        }
    }

    private async Task<Entry> FetchAsync(HttpClient httpClient, Uri certUrl, TimeProvider time)
    {
        Trim(time.GetUtcNow());
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), time);
            using var response = await httpClient.GetAsync(certUrl, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);

            // The client may follow redirects; a certificate is taken only from the URL that was allowed.
            if (!response.IsSuccessStatusCode || response.RequestMessage?.RequestUri != certUrl
                || response.Content.Headers.ContentLength > MaxCertificateBytes)
            {
                return Failed(time);
            }

            var pem = await ReadBoundedAsync(response.Content, timeout.Token).ConfigureAwait(false);
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPem(pem);
            var now = time.GetUtcNow();
            return certificates.Count > 0 && IsAcceptable(certificates, IsPayPalHost(certUrl), now)
                ? new Entry(certificates[0], Min(now + Lifetime, new DateTimeOffset(certificates[0].NotAfter.ToUniversalTime())))
                : Failed(time);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Security.Cryptography.CryptographicException or InvalidDataException)
        {
            return Failed(time);
        }
    }

    /// <summary>
    /// The leaf (the first certificate) is PayPal's: subject CN <c>messageverificationcerts.paypal.com</c> (or the sandbox's
    /// <c>messageverificationcerts.sandbox.paypal.com</c>), valid now, with an RSA key; from PayPal's own hosts it must also
    /// chain, through the certificates served with it, to a root in the machine's trust store (revocation is not checked
    /// online: the fetch itself went to PayPal over TLS).
    /// </summary>
    internal static bool IsAcceptable(X509Certificate2Collection certificates, bool chainRequired, DateTimeOffset now)
    {
        var leaf = certificates[0];
        var name = leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (name is not ("messageverificationcerts.paypal.com" or "messageverificationcerts.sandbox.paypal.com")
            || leaf.NotBefore > now.UtcDateTime || leaf.NotAfter < now.UtcDateTime)
        {
            return false;
        }

        using (var key = leaf.GetRSAPublicKey())
        {
            if (key is null)
            {
                return false;
            }
        }

        if (!chainRequired)
        {
            return true;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.ExtraStore.AddRange(certificates);
        return chain.Build(leaf);
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxCertificateBytes + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += n;
            }

            return read > MaxCertificateBytes
                ? throw new InvalidDataException("The certificate is larger than any PayPal serves.")
                : System.Text.Encoding.ASCII.GetString(buffer, 0, read);
        }
    }

    private static Entry Failed(TimeProvider time) => new(null, time.GetUtcNow() + FailureBackoff);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    // Bounded: expired entries go first; past the bound, the whole cache is dropped and refilled by the next webhooks.
    private void Trim(DateTimeOffset now)
    {
        if (_entries.Count < MaxEntries)
        {
            return;
        }

        foreach (var (key, lazy) in _entries)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompleted && (!lazy.Value.IsCompletedSuccessfully || lazy.Value.Result.Until <= now))
            {
                _entries.TryRemove(KeyValuePair.Create(key, lazy));
            }
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(X509Certificate2? Certificate, DateTimeOffset Until);
}
