using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Tests;

/// <summary>Deliveries signed here with the Standard Webhooks algorithm, independently of the SDK's code.</summary>
public sealed class WebhookTests
{
    private const string Secret = "whsec_dGVzdC1zZWNyZXQtZm9yLXRoZS1zZGstdGVzdHM=";
    private const string Body =
        """{"id":"evt_1","object":"event","type":"payment.succeeded","created_at":"2026-11-30T12:00:00+00:00","livemode":false,"data":{"object":{"id":"pay_1","object":"payment","amount":1234,"currency":"cny","status":"succeeded"}}}""";

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_signed_delivery_verifies_and_parses()
    {
        var headers = Sign(Secret, "evt_1", Now, Body);

        var evt = Webhook.ConstructEvent(Body, headers, Secret, timeProvider: new FixedClock(Now));

        Assert.Equal("evt_1", evt.Id);
        Assert.Equal("payment.succeeded", evt.Type);
        Assert.Equal(Now, evt.CreatedAt);
        var payment = evt.Data.As<Payment>();
        Assert.Equal("pay_1", payment.Id);
        Assert.Equal(1234L, payment.Amount);
    }

    [Fact]
    public void The_raw_bytes_verify_too()
    {
        var headers = Sign(Secret, "evt_1", Now, Body);

        var evt = Webhook.ConstructEvent(Encoding.UTF8.GetBytes(Body), headers, Secret, timeProvider: new FixedClock(Now));

        Assert.Equal("evt_1", evt.Id);
    }

    [Fact]
    public void A_tampered_body_fails()
    {
        var headers = Sign(Secret, "evt_1", Now, Body);

        Assert.Throws<WebhookVerificationException>(
            () => Webhook.ConstructEvent(Body.Replace("1234", "1235", StringComparison.Ordinal), headers, Secret, timeProvider: new FixedClock(Now)));
    }

    [Fact]
    public void A_re_serialised_body_fails()
    {
        var headers = Sign(Secret, "evt_1", Now, Body);

        Assert.Throws<WebhookVerificationException>(
            () => Webhook.ConstructEvent(Body.Replace(",", ", ", StringComparison.Ordinal), headers, Secret, timeProvider: new FixedClock(Now)));
    }

    [Fact]
    public void Another_secret_fails()
    {
        var headers = Sign("whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("another secret")), "evt_1", Now, Body);

        Assert.Throws<WebhookVerificationException>(
            () => Webhook.ConstructEvent(Body, headers, Secret, timeProvider: new FixedClock(Now)));
    }

    [Fact]
    public void A_changed_id_fails()
    {
        var headers = Sign(Secret, "evt_1", Now, Body);
        headers["webhook-id"] = "evt_2";

        Assert.Throws<WebhookVerificationException>(
            () => Webhook.ConstructEvent(Body, headers, Secret, timeProvider: new FixedClock(Now)));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_beyond_the_tolerance_either_way_fails(int offsetSeconds)
    {
        var headers = Sign(Secret, "evt_1", Now.AddSeconds(offsetSeconds), Body);

        var error = Assert.Throws<WebhookVerificationException>(
            () => Webhook.ConstructEvent(Body, headers, Secret, timeProvider: new FixedClock(Now)));
        Assert.Contains("timestamp", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public void A_timestamp_within_the_tolerance_verifies(int offsetSeconds)
    {
        var headers = Sign(Secret, "evt_1", Now.AddSeconds(offsetSeconds), Body);

        Webhook.ConstructEvent(Body, headers, Secret, timeProvider: new FixedClock(Now));
    }

    [Fact]
    public void The_tolerance_can_be_narrowed()
    {
        var headers = Sign(Secret, "evt_1", Now.AddSeconds(-30), Body);

        Assert.Throws<WebhookVerificationException>(
            () => Webhook.ConstructEvent(Body, headers, Secret, TimeSpan.FromSeconds(10), new FixedClock(Now)));
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    [InlineData("webhook-signature")]
    public void A_missing_header_fails(string header)
    {
        var headers = Sign(Secret, "evt_1", Now, Body);
        headers.Remove(header);

        var error = Assert.Throws<WebhookVerificationException>(
            () => Webhook.ConstructEvent(Body, headers, Secret, timeProvider: new FixedClock(Now)));
        Assert.Contains(header, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_names_are_matched_without_regard_to_case()
    {
        var signed = Sign(Secret, "evt_1", Now, Body);
        var headers = signed.ToDictionary(h => h.Key.ToUpperInvariant(), h => h.Value);

        Assert.Equal("evt_1", Webhook.ConstructEvent(Body, headers, Secret, timeProvider: new FixedClock(Now)).Id);
    }

    [Fact]
    public void A_valid_signature_among_several_verifies()
    {
        var headers = Sign(Secret, "evt_1", Now, Body);
        var wrong = Convert.ToBase64String(new byte[32]);
        headers["webhook-signature"] = $"v1,{wrong} v2,abc v1,not-base64 {headers["webhook-signature"]}";

        Assert.Equal("evt_1", Webhook.ConstructEvent(Body, headers, Secret, timeProvider: new FixedClock(Now)).Id);
    }

    [Fact]
    public void Only_wrong_signatures_fail()
    {
        var headers = Sign(Secret, "evt_1", Now, Body);
        var good = headers["webhook-signature"];
        headers["webhook-signature"] = $"v1,{Convert.ToBase64String(new byte[32])} v2,{good[3..]}";

        Assert.Throws<WebhookVerificationException>(
            () => Webhook.ConstructEvent(Body, headers, Secret, timeProvider: new FixedClock(Now)));
    }

    [Fact]
    public void Verification_errors_share_the_base_class()
    {
        Assert.Throws<WebhookVerificationException>(
            () => Webhook.ConstructEvent(Body, new Dictionary<string, string>(), Secret));
        Assert.True(typeof(PayFunctionsException).IsAssignableFrom(typeof(WebhookVerificationException)));
    }

    /// <summary>Signs as the contract says: HMAC-SHA256 over <c>id.timestamp.body</c> with the secret's decoded bytes.</summary>
    internal static Dictionary<string, string> Sign(string secret, string id, DateTimeOffset at, string body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return new Dictionary<string, string>
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = timestamp,
            ["webhook-signature"] = "v1," + Convert.ToBase64String(signature),
        };
    }
}
