using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PayFunctions.Channels.AlipayPlus;

/// <summary>
/// Sends signed requests to Alipay+ and verifies the answers: every request carries <c>client-id</c>, <c>request-time</c> and the
/// signature; an answer is used only once its own signature (over <c>response-time</c>) checks out with the Alipay+ key.
/// </summary>
internal sealed class AlipayPlusTransport(HttpClient httpClient, AlipayPlusOptions options, RSA merchantKey, RSA alipayPlusKey, TimeProvider time)
{
    internal const string ResponseSignatureInvalid = "RESPONSE_SIGNATURE_INVALID";
    internal const string ResponseMalformed = "RESPONSE_MALFORMED";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/> and returns the verified answer.</summary>
    /// <exception cref="ChannelException">No verified answer arrived.</exception>
    public async Task<AlipayPlusAnswer> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(body, Json);
        var requestTime = AlipayPlusSignature.FormatTime(time.GetUtcNow());
        var signature = AlipayPlusSignature.Sign(merchantKey, AlipayPlusSignature.ContentToSign("POST", path, options.ClientId, requestTime, json));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.BaseUrl, path))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(AlipayPlusSignature.ClientIdHeader, options.ClientId);
        request.Headers.TryAddWithoutValidation(AlipayPlusSignature.RequestTimeHeader, requestTime);
        request.Headers.TryAddWithoutValidation(AlipayPlusSignature.SignatureHeader, AlipayPlusSignature.Header(options.KeyVersion, signature));

        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelException("Alipay+ could not be reached.", null, null, isTransient: true, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelException("Alipay+ did not answer in time.", null, null, isTransient: true, ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ChannelException($"Alipay+ answered HTTP {status}.", null, status, isTransient: status >= 500 || status == 429);
            }

            var content = AlipayPlusSignature.ContentToSign(
                "POST", path, Header(response.Headers, AlipayPlusSignature.ClientIdHeader) ?? string.Empty, Header(response.Headers, AlipayPlusSignature.ResponseTimeHeader) ?? string.Empty, text);
            if (Header(response.Headers, AlipayPlusSignature.ClientIdHeader) != options.ClientId
                || !AlipayPlusSignature.Verify(alipayPlusKey, content, Header(response.Headers, AlipayPlusSignature.SignatureHeader)))
            {
                throw new ChannelException("Alipay+ answer signature rejected.", ResponseSignatureInvalid, status, isTransient: false);
            }

            return AlipayPlusAnswer.Read(text)
                ?? throw new ChannelException("Alipay+ answered without its documented result object.", ResponseMalformed, status, isTransient: false);
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
