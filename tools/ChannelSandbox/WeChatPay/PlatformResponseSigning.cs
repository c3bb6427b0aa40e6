using System.Globalization;

namespace ChannelSandbox.WeChatPay;

/// <summary>
/// Signs every API v3 answer with the platform key over <c>timestamp\nnonce\nbody\n</c>, so merchants can
/// check that the response really comes from the channel.
/// </summary>
public sealed class PlatformResponseSigning(RequestDelegate next, PlatformSigningKeys keys, AnswerFaults faults, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        var fault = faults.Take();
        if (fault is { Delay: var delay } && delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, time, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client gave up waiting, which is what a late answer is for.
                return;
            }
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WeChatPayCrypto.RandomString(32);
        var key = keys.Next();
        var headers = context.Response.Headers;
        headers["Wechatpay-Timestamp"] = timestamp;
        headers["Wechatpay-Nonce"] = nonce;
        var signed = fault is { BadSignature: true } ? [.. body, (byte)' '] : body;
        headers["Wechatpay-Signature"] = WeChatPayCrypto.Sign(key.PrivateKey, WeChatPayCrypto.SignatureMessage([timestamp, nonce], signed));
        headers["Wechatpay-Serial"] = key.Serial;
        headers["Request-ID"] = Guid.NewGuid().ToString("N");

        // A 204 has no body at all: a Content-Length or a write, even of zero bytes, makes Kestrel
        // abort the keep-alive connection after the response, which breaks the client's next pooled call.
        if (context.Response.StatusCode == StatusCodes.Status204NoContent)
        {
            return;
        }

        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
    }
}
