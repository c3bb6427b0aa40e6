using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Channels.Tests.Stripe;

/// <summary>Events as Stripe sends them (the published snapshot shape, in the API version Stripe.net 53 pins), signed as Stripe signs them.</summary>
internal static class StripeEvents
{
    public const string Secret = "whsec_Known4nswerSecretForTests0000";
    public const long SignedAt = 1700000000;
    public const string OutTradeNo = "pay_0abcdefghijk0123456789ab";

    /// <summary>A payment_intent.succeeded event, byte for byte.</summary>
    public const string Succeeded = """
        {"id":"evt_3SampleKnownAnswer0001","object":"event","api_version":"2026-10-28.endive","created":1700000000,"data":{"object":{"id":"pi_3SampleKnownAnswer0001","object":"payment_intent","amount":2599,"amount_capturable":0,"amount_received":2599,"capture_method":"automatic","created":1699999990,"currency":"usd","description":"Latte","latest_charge":"ch_3SampleKnownAnswer0001","livemode":false,"metadata":{"out_trade_no":"pay_0abcdefghijk0123456789ab"},"payment_method_types":["card"],"status":"succeeded"}},"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"payment_intent.succeeded"}
        """;

    /// <summary>Its signature at <see cref="SignedAt"/> under <see cref="Secret"/>, computed outside .NET (openssl dgst -sha256 -hmac).</summary>
    public const string SucceededSignature = "t=1700000000,v1=d147ad5ab8f701565b2c0f7e32b6e14d6d8580ee020c0b74515eb8839bc7f6c2";

    public static string Event(string type, string dataObject, string apiVersion = "2026-10-28.endive") =>
        $$"""{"id":"evt_{{Guid.NewGuid():N}}","object":"event","api_version":"{{apiVersion}}","created":{{SignedAt}},"data":{"object":{{dataObject}}},"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"{{type}}"}""";

    public static string PaymentIntent(string status, long amount = 2599) =>
        $$"""{"id":"pi_3Sample","object":"payment_intent","amount":{{amount}},"amount_capturable":0,"amount_received":0,"capture_method":"manual","created":{{SignedAt}},"currency":"usd","livemode":false,"metadata":{"out_trade_no":"{{OutTradeNo}}"},"status":"{{status}}"}""";

    public static string Signature(string body, long timestamp, string secret = Secret)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body));
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }
}

/// <summary>A clock that stands still.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static FixedTime At(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    public override DateTimeOffset GetUtcNow() => now;
}
