using System.Net;
using Stripe;

namespace PayFunctions.Channels.Stripe;

/// <summary>Stripe's errors (<c>{"error": {"type", "code", "message", …}}</c> with an HTTP status) as <see cref="ChannelException"/>s.</summary>
internal static class StripeFailures
{
    public const string ResponseMalformed = "RESPONSE_MALFORMED";

    /// <summary>
    /// What a failed call means to the platform, or null for a failure that is not the call's (the caller cancelled).
    /// 429, 5xx, 409 (a concurrent request with the same idempotency key) and no answer are worth retrying; any other
    /// refusal is not.
    /// </summary>
    public static ChannelException? Translate(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        StripeException stripe when stripe.StripeError is { } error => new ChannelException(
            $"Stripe answered HTTP {(int)stripe.HttpStatusCode} {error.Type}: {error.Message}",
            error.Code ?? error.Type,
            (int)stripe.HttpStatusCode,
            IsTransient(stripe.HttpStatusCode),
            stripe),
        StripeException stripe => new ChannelException(
            $"Stripe could not be reached or answered unreadably: {stripe.Message}",
            null,
            stripe.HttpStatusCode == 0 ? null : (int)stripe.HttpStatusCode,
            isTransient: true,
            stripe),
        HttpRequestException network => new ChannelException("Stripe could not be reached.", null, null, isTransient: true, network),
        OperationCanceledException timeout when !cancellationToken.IsCancellationRequested =>
            new ChannelException("Stripe did not answer in time.", null, null, isTransient: true, timeout),
        _ => null,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict || (int)status >= 500;
}
