using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>
/// At least one negative test per item of the OWASP API Security Top 10 (2023), named after it, through
/// the real LocalHost. Items other suites already prove in depth are only sampled here:
/// API1 and API5 for every route by <see cref="RouteTableAuthorizationTests"/>; API2 key rolling and
/// revoking by <see cref="ApiKeyTests"/>; API4's limit per key (429 with <c>Retry-After</c>) by
/// <see cref="RateLimitTests"/>; API6 refund bounds by <see cref="RefundTests"/> and idempotency by
/// <see cref="IdempotencyTests"/>; API7 webhook addresses at delivery by the Core webhook tests; API10
/// tampered signed notifications of every channel by the channel flows
/// (<see cref="Channels.ChannelFlow.AssertTamperedRefusedAsync"/>) and
/// <see cref="PaymentLifecycleTests.TamperedNotification_IsRejectedAndChangesNothing"/>.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OwaspApiTop10Tests(PlatformFixture platform, MerchantObjects objects, ExtraHosts hosts)
    : IClassFixture<MerchantObjects>, IClassFixture<ExtraHosts>
{
    private const string AccountNumber = "6222020200112233445";
    private readonly Scenario scenario = new(platform);

    [Fact]
    public async Task API1_BrokenObjectLevelAuthorization_AnotherMerchantsToken_FindsNoneOfMerchantAsObjects()
    {
        var made = await objects.GetAsync(platform);
        var other = await KeyAsync(PlatformFixture.OtherApiKey, """{"name":"bola token"}""");
        var token = await OAuth.TokenAsync(platform, other.Id, other.Secret);

        foreach (var (method, path) in new[]
        {
            ("GET", $"api/v1/payments/{made.PaidPayment}"),
            ("GET", $"api/v1/refunds/{made.Refund}"),
            ("GET", $"api/v1/payments/{made.PaidPayment}/refunds"),
            ("POST", $"api/v1/payments/{made.PaidPayment}/refunds"),
            ("GET", $"api/v1/accounts/{made.Account}"),
            ("GET", $"api/v1/stores/{made.Store}/qr.svg"),
            ("POST", $"api/v1/api_keys/{made.ApiKey}/revoke"),
        })
        {
            using var request = platform.Request(new HttpMethod(method), path, token, method == "POST" ? """{"amount":1}""" : null);
            var (status, problem, _) = await scenario.SendAsync(request);
            Assert.True(status == HttpStatusCode.NotFound, $"{method} {path} with B's token answered {status}: {problem}");
            Assert.Equal("resource_missing", (string?)problem["code"]);
        }

        using var refunds = platform.Request(HttpMethod.Get, $"api/v1/payments/{made.PaidPayment}/refunds");
        Assert.Single((await scenario.SendAsync(refunds)).Body["data"]!.AsArray());
    }

    [Fact]
    public async Task API2_BrokenAuthentication_ForgedUnsignedAlgNoneExpiredAndOverlongTokens_Answer401()
    {
        var key = await KeyAsync(PlatformFixture.DemoApiKey, """{"name":"token forger"}""");
        var genuine = await OAuth.TokenAsync(platform, key.Id, key.Secret);
        var parts = genuine.Split('.');
        var claims = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        var signing = await platform.Secrets.GetCurrentAsync(TokenSigningKeys.SecretName, CancellationToken.None);
        var now = DateTime.UtcNow;

        // Signed with the platform's own key, as the issuer would: accepted, so what fails below fails for its flaw alone.
        Assert.Equal(HttpStatusCode.OK, await BalanceStatusAsync(ForgedTokens.Sign(claims, signing!, now.AddMinutes(-1), now.AddMinutes(10))));

        var forgedKey = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = signing!.Version };
        var tampered = (JsonObject)claims.DeepClone();
        tampered["sub"] = PlatformFixture.OtherMerchantId;
        foreach (var (label, token) in new[]
        {
            ("expired", ForgedTokens.Sign(claims, signing, now.AddMinutes(-30), now.AddMinutes(-15))),
            ("not yet valid", ForgedTokens.Sign(claims, signing, now.AddMinutes(10), now.AddMinutes(20))),
            ("lifetime beyond the issuer's", ForgedTokens.Sign(claims, signing, now.AddMinutes(-1), now.AddDays(1))),
            ("signed by another key under the real kid", ForgedTokens.Sign(claims, forgedKey, now.AddMinutes(-1), now.AddMinutes(10))),
            ("claims changed after signing", $"{parts[0]}.{Base64UrlEncoder.Encode(tampered.ToJsonString())}.{parts[2]}"),
            ("signature removed", $"{parts[0]}.{parts[1]}."),
            ("alg none", $"{Base64UrlEncoder.Encode($$"""{"alg":"none","typ":"at+jwt","kid":"{{signing.Version}}"}""")}.{parts[1]}."),
            ("HS256 keyed with the public key", ForgedTokens.HmacSigned(claims, signing.Version)),
        })
        {
            var (status, problem, _) = await BalanceAsync(token);
            Assert.True(status == HttpStatusCode.Unauthorized, $"a token {label} answered {status}");
            Assert.Equal("api_key_invalid", (string?)problem["code"]);
        }
    }

    [Fact]
    public async Task API2_BrokenAuthentication_TokenOfARevokedKey_StopsWithTheKey()
    {
        var key = await KeyAsync(PlatformFixture.DemoApiKey, """{"name":"soon revoked"}""");
        var token = await OAuth.TokenAsync(platform, key.Id, key.Secret);
        Assert.Equal(HttpStatusCode.OK, await BalanceStatusAsync(token));

        using var revoke = platform.Request(HttpMethod.Post, $"api/v1/api_keys/{key.Id}/revoke");
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(revoke)).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, await BalanceStatusAsync(token));
        var (status, refused) = await OAuth.RequestAsync(platform, key.Id, key.Secret);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", (string?)refused["error"]);
    }

    [Theory]
    [InlineData("api_key")]
    [InlineData("access_token")]
    [InlineData("key")]
    [InlineData("token")]
    public async Task API2_BrokenAuthentication_KeyInTheQueryString_IsNotAccepted(string parameter)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/balance?{parameter}={PlatformFixture.DemoApiKey}");
        var (status, problem, response) = await scenario.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("api_key_invalid", (string?)problem["code"]);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task API2_BrokenAuthentication_GuessingKeysOrClientSecrets_IsCountedAndThenRefused429()
    {
        const int limit = 4;
        var api = await hosts.GetAsync(platform, "owaspbruteforce", new Dictionary<string, string>
        {
            ["RateLimits__Unauthenticated__Limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["RateLimits__Unauthenticated__Window"] = "01:00:00",
        });
        var limited = new Scenario(platform, api);

        for (var guess = 0; guess < limit; guess++)
        {
            using var request = guess % 2 == 0
                ? platform.Request(HttpMethod.Get, "api/v1/balance", "sk_live_" + guess.ToString("D32", CultureInfo.InvariantCulture))
                : new HttpRequestMessage(HttpMethod.Post, "api/oauth/token")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["grant_type"] = "client_credentials", ["client_id"] = "op_bootstrap", ["client_secret"] = $"guess-{guess}",
                    }),
                };
            Assert.Equal(HttpStatusCode.Unauthorized, (await limited.SendAsync(request)).Status);
        }

        // The right key from the same address now waits too: the guesser cannot tell a hit from the limit.
        using var right = platform.Request(HttpMethod.Get, "api/v1/balance");
        var (status, problem, response) = await limited.SendAsync(right);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("rate_limited", (string?)problem["code"]);
        Assert.Equal(ApiError.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {response.Headers.RetryAfter}");
    }

    public static TheoryData<string, string, string> ServerOwnedFields() => new()
    {
        { "api/v1/payments", "status", Scenario.PaymentBody("order-mass-1", extra: ""","status":"succeeded" """) },
        { "api/v1/payments", "merchant_id", Scenario.PaymentBody("order-mass-2", extra: $$""","merchant_id":"{{PlatformFixture.OtherMerchantId}}" """) },
        { "api/v1/payments", "amount_refunded", Scenario.PaymentBody("order-mass-3", extra: ""","amount_refunded":2500""") },
        { "api/v1/payments", "livemode", Scenario.PaymentBody("order-mass-4", extra: ""","livemode":true""") },
        { "api/v1/payments", "id", Scenario.PaymentBody("order-mass-5", extra: ""","id":"pay_000000000000000000000001" """) },
        { "api/v1/accounts", "status", """{"type":"individual","name":"Mass","status":"inactive","payout_method":{"type":"wechat_pay","wechat_pay":{"openid":"oUpF8uMuAJO"}}}""" },
        { "api/v1/api_keys", "merchant_id", $$"""{"name":"mass","merchant_id":"{{PlatformFixture.OtherMerchantId}}"}""" },
        { "api/v1/api_keys", "secret", """{"name":"mass","secret":"sk_live_00000000000000000000000000000000"}""" },
        { "api/v1/api_keys", "expires_at", """{"name":"mass","expires_at":"2099-01-01T00:00:00Z"}""" },
        { "api/v1/stores", "merchant_id", $$"""{"name":"Mass","merchant_id":"{{PlatformFixture.OtherMerchantId}}"}""" },
        { "api/v1/stores", "code", """{"name":"Mass","code":"aaaaaaaa"}""" },
        { "refunds", "status", """{"amount":1,"status":"succeeded"}""" },
        { "api/ops/operators", "created_by", """{"name":"mass","scopes":["ops:fx"],"created_by":"op_bootstrap"}""" },
    };

    [Theory]
    [MemberData(nameof(ServerOwnedFields))]
    public async Task API3_BrokenObjectPropertyLevelAuthorization_CreateWithServerOwnedField_IsRefusedAndCreatesNothing(string path, string field, string json)
    {
        var made = await objects.GetAsync(platform);
        var operatorRoute = path.StartsWith("api/ops/", StringComparison.Ordinal);
        var credential = operatorRoute ? PlatformFixture.OperatorKey : PlatformFixture.DemoApiKey;
        var target = path == "refunds" ? $"api/v1/payments/{made.PaidPayment}/refunds" : path;
        var list = operatorRoute || path == "refunds" ? target : target + "?limit=1";
        var before = await ListedIdsAsync(list, credential);

        using var request = platform.Request(HttpMethod.Post, target, credential, json);
        var (status, problem, _) = await scenario.SendAsync(request);

        Assert.True(status == HttpStatusCode.BadRequest, $"{field} on {path} answered {status}: {problem}");
        Assert.Equal("body_invalid", (string?)problem["code"]);
        Assert.Equal(before, await ListedIdsAsync(list, credential));
    }

    [Fact]
    public async Task API3_BrokenObjectPropertyLevelAuthorization_AnswersNeverExposeSecretsHashesOrPayoutDetails()
    {
        var made = await objects.GetAsync(platform);
        var answers = new List<string>();
        foreach (var (path, credential) in new[]
        {
            ("api/v1/api_keys?limit=100", PlatformFixture.DemoApiKey),
            ($"api/v1/payments/{made.PaidPayment}", PlatformFixture.DemoApiKey),
            ($"api/v1/refunds/{made.Refund}", PlatformFixture.DemoApiKey),
            ($"api/v1/accounts/{made.Account}", PlatformFixture.DemoApiKey),
            ($"api/v1/stores/{made.Store}", PlatformFixture.DemoApiKey),
            ("api/v1/balance", PlatformFixture.DemoApiKey),
            ("api/v1/routing", PlatformFixture.DemoApiKey),
            ("api/ops/operators", PlatformFixture.OperatorKey),
            ("api/ops/channel_work/dead_letters", PlatformFixture.OperatorKey),
            ("api/v1/channels/health", PlatformFixture.OperatorKey),
            ("api/oauth/jwks", PlatformFixture.DemoApiKey),
        })
        {
            using var request = platform.Request(HttpMethod.Get, path, credential);
            var (status, body, response) = await scenario.SendAsync(request);
            Assert.True(status == HttpStatusCode.OK, $"{path} answered {status}: {body}");
            answers.Add(await response.Content.ReadAsStringAsync());
            AssertNoSecretFields(path, body);
        }

        var secrets = new[]
        {
            PlatformFixture.DemoApiKey, PlatformFixture.OtherApiKey, PlatformFixture.OperatorKey, PlatformFixture.WebhookSecret,
            PlatformFixture.WebhookSecret["whsec_".Length..], AccountNumber, AccountNumber[..^4],
            (await platform.Secrets.GetCurrentAsync(TokenSigningKeys.SecretName, CancellationToken.None))!.Value,
        };
        Assert.All(answers, answer => Assert.DoesNotContain(secrets, s => answer.Contains(s, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task API4_UnrestrictedResourceConsumption_BodiesOverTheLimit_AreRefusedUnread()
    {
        var before = await ListedIdsAsync("api/v1/payments?limit=1", PlatformFixture.DemoApiKey);
        var padding = new string('x', RequestBody.MaxBytes);
        using var payment = platform.Request(HttpMethod.Post, "api/v1/payments", json: Scenario.PaymentBody(Scenario.NewOrderId(), extra: $$""","metadata":{"pad":"{{padding}}"}"""));
        var (status, problem, response) = await scenario.SendAsync(payment);
        Assert.True(status == HttpStatusCode.BadRequest, $"an oversized create answered {status}");
        Assert.Equal("body_invalid", (string?)problem["code"]);
        Assert.Equal(ApiError.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await ListedIdsAsync("api/v1/payments?limit=1", PlatformFixture.DemoApiKey));

        using var notify = new HttpRequestMessage(HttpMethod.Post, "api/notify/wechat_pay") { Content = new StringContent(padding + padding, Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await scenario.SendAsync(notify)).Status);

        using var token = new HttpRequestMessage(HttpMethod.Post, "api/oauth/token")
        {
            Content = new StringContent("grant_type=client_credentials&pad=" + padding, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        var (tokenStatus, tokenError, _) = await scenario.SendAsync(token);
        Assert.True((int)tokenStatus is >= 400 and < 500, $"an oversized token request answered {tokenStatus}");
        Assert.Null(tokenError["access_token"]);
    }

    [Theory]
    [InlineData("api/v1/payments", "0")]
    [InlineData("api/v1/payments", "101")]
    [InlineData("api/v1/payments", "2147483648")]
    [InlineData("api/v1/accounts", "1000000")]
    [InlineData("api/v1/api_keys", "-1")]
    [InlineData("api/v1/stores", "101")]
    [InlineData("refunds", "101")]
    public async Task API4_UnrestrictedResourceConsumption_PageSizeOutOfBounds_Answers400(string path, string limit)
    {
        var made = await objects.GetAsync(platform);
        var target = path == "refunds" ? $"api/v1/payments/{made.PaidPayment}/refunds" : path;
        using var request = platform.Request(HttpMethod.Get, $"{target}?limit={limit}");
        var (status, problem, _) = await scenario.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("parameter_invalid", "limit"), ((string?)problem["code"], (string?)problem["param"]));
    }

    [Fact]
    public async Task API5_BrokenFunctionLevelAuthorization_MerchantKeyOrToken_OnEveryOperatorRoute_Answers403()
    {
        var made = await objects.GetAsync(platform);
        var key = await KeyAsync(PlatformFixture.DemoApiKey, """{"name":"would-be operator"}""");
        var token = await OAuth.TokenAsync(platform, key.Id, key.Secret);
        foreach (var route in ApiRoutes.All.Where(r => r.Access.Audience == Audience.Operator))
        {
            foreach (var credential in new[] { key.Secret, token })
            {
                using var request = RouteCase.Of(route.Name).Request(made, credential);
                var (status, problem, _) = await scenario.SendAsync(request);
                Assert.True(status == HttpStatusCode.Forbidden, $"{route.Name} with a merchant's credential answered {status}: {problem}");
                Assert.Equal("insufficient_scope", (string?)problem["code"]);
            }
        }

        var (tokenStatus, refused) = await OAuth.RequestAsync(platform, key.Id, key.Secret, ApiScopes.OpsMerchants);
        Assert.Equal(HttpStatusCode.BadRequest, tokenStatus);
        Assert.Equal("invalid_scope", (string?)refused["error"]);
    }

    [Fact]
    public async Task API5_BrokenFunctionLevelAuthorization_ReadOnlyKeyAndToken_OnEveryMerchantWrite_Answers403()
    {
        var made = await objects.GetAsync(platform);
        var readOnly = await KeyAsync(PlatformFixture.DemoApiKey, """{"name":"reporting","scopes":["read"]}""");
        var token = await OAuth.TokenAsync(platform, readOnly.Id, readOnly.Secret);
        var full = await KeyAsync(PlatformFixture.DemoApiKey, """{"name":"narrowed by its token"}""");
        var narrowed = await OAuth.TokenAsync(platform, full.Id, full.Secret, ApiScopes.Read);
        foreach (var route in ApiRoutes.All.Where(r => r.Access.Audience == Audience.Merchant && r.Method == "POST"))
        {
            foreach (var credential in new[] { readOnly.Secret, token, narrowed })
            {
                using var request = RouteCase.Of(route.Name).Request(made, credential);
                var (status, problem, _) = await scenario.SendAsync(request);
                Assert.True(status == HttpStatusCode.Forbidden, $"{route.Name} read-only answered {status}: {problem}");
                Assert.Equal("insufficient_scope", (string?)problem["code"]);
            }
        }

        using var read = platform.Request(HttpMethod.Get, "api/v1/payments?limit=1", readOnly.Secret);
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(read)).Status);
    }

    [Fact]
    public async Task API5_BrokenFunctionLevelAuthorization_ARestrictedKey_CannotMintRollOrRevokeBeyondItsScopes()
    {
        var manager = await KeyAsync(PlatformFixture.DemoApiKey, """{"name":"key manager","scopes":["api_keys","read"]}""");
        var powerful = await KeyAsync(PlatformFixture.DemoApiKey, """{"name":"powerful"}""");
        var keysBefore = await ListedIdsAsync("api/v1/api_keys?limit=100", PlatformFixture.DemoApiKey);

        using var wider = platform.Request(HttpMethod.Post, "api/v1/api_keys", manager.Secret, """{"scopes":["api_keys","payments"]}""");
        var (status, problem, _) = await scenario.SendAsync(wider);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("scopes", (string?)problem["param"]);

        // Rolling hands the rolled key's scopes to a secret the caller sees; revoking would lock out a stronger key's holder.
        foreach (var action in new[] { "roll", "revoke" })
        {
            using var request = platform.Request(HttpMethod.Post, $"api/v1/api_keys/{powerful.Id}/{action}", manager.Secret, action == "roll" ? """{"expires_in_seconds":0}""" : null);
            var (refused, refusal, _) = await scenario.SendAsync(request);
            Assert.True(refused == HttpStatusCode.Forbidden, $"{action} of a stronger key answered {refused}: {refusal}");
            Assert.Equal("insufficient_scope", (string?)refusal["code"]);
        }

        Assert.Equal(keysBefore, await ListedIdsAsync("api/v1/api_keys?limit=100", PlatformFixture.DemoApiKey));
        Assert.Equal(HttpStatusCode.OK, await BalanceStatusAsync(powerful.Secret));

        using var own = platform.Request(HttpMethod.Post, "api/v1/api_keys", manager.Secret, "{}");
        var minted = (await scenario.SendAsync(own)).Body;
        Assert.Equal(new[] { ApiScopes.ApiKeys, ApiScopes.Read }, minted["scopes"]!.AsArray().Select(s => (string)s!));
        using var rollOwn = platform.Request(HttpMethod.Post, $"api/v1/api_keys/{minted["id"]}/roll", manager.Secret, """{"expires_in_seconds":0}""");
        Assert.Equal(HttpStatusCode.Created, (await scenario.SendAsync(rollOwn)).Status);
    }

    [Fact]
    public async Task API5_BrokenFunctionLevelAuthorization_AnOperator_CannotCreateAMorePowerfulOperator()
    {
        var manager = await MerchantObjects.CreateOperatorAsync(scenario, platform, "operator manager", [ApiScopes.OpsOperators, ApiScopes.OpsFx]);
        var key = (string)manager["key"]!;
        var before = await ListedIdsAsync("api/ops/operators", PlatformFixture.OperatorKey);

        foreach (var scopes in new[] { """["ops:operators","ops:merchants"]""", """["ops:settlements"]""", """["ops:keys"]""" })
        {
            using var request = platform.Request(HttpMethod.Post, "api/ops/operators", key, $$"""{"name":"escalated","scopes":{{scopes}}}""");
            var (status, problem, _) = await scenario.SendAsync(request);
            Assert.True(status == HttpStatusCode.BadRequest, $"{scopes} answered {status}: {problem}");
            Assert.Equal("scopes", (string?)problem["param"]);
        }

        // A token narrowed to ops:operators cannot pass on ops:fx either, although its operator holds it.
        var token = await OAuth.TokenAsync(platform, (string)manager["id"]!, key, ApiScopes.OpsOperators);
        using var viaToken = platform.Request(HttpMethod.Post, "api/ops/operators", token, """{"name":"escalated","scopes":["ops:fx"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, (await scenario.SendAsync(viaToken)).Status);
        var (tokenStatus, refused) = await OAuth.RequestAsync(platform, (string)manager["id"]!, key, ApiScopes.OpsMerchants);
        Assert.Equal(HttpStatusCode.BadRequest, tokenStatus);
        Assert.Equal("invalid_scope", (string?)refused["error"]);
        Assert.Equal(before, await ListedIdsAsync("api/ops/operators", PlatformFixture.OperatorKey));
    }

    [Fact]
    public async Task API6_UnrestrictedAccessToSensitiveBusinessFlows_RefundBeyondWhatWasCaptured_IsRefusedAndRefundsNothing()
    {
        var made = await objects.GetAsync(platform);
        var refunds = $"api/v1/payments/{made.PaidPayment}/refunds";
        var before = await ListedIdsAsync(refunds, PlatformFixture.DemoApiKey);

        foreach (var amount in new[] { 2401L, 2500L, long.MaxValue })
        {
            var (status, problem) = await scenario.CreateRefundAsync(made.PaidPayment, $$"""{"amount":{{amount}}}""");
            Assert.True(status == HttpStatusCode.BadRequest, $"a refund of {amount} answered {status}: {problem}");
        }

        var (unpaid, unpaidProblem) = await scenario.CreateRefundAsync(made.Payment, """{"amount":1}""");
        Assert.True((int)unpaid is >= 400 and < 500, $"a refund of an unpaid payment answered {unpaid}: {unpaidProblem}");
        Assert.Equal(before, await ListedIdsAsync(refunds, PlatformFixture.DemoApiKey));
    }

    [Fact]
    public async Task API6_UnrestrictedAccessToSensitiveBusinessFlows_IdempotencyKeyReplayedWithAnotherBody_Answers422()
    {
        var idempotencyKey = "owasp-" + Guid.NewGuid().ToString("N");
        var first = await scenario.CreatePaymentAsync(amount: 100, idempotencyKey: idempotencyKey);
        var before = await ListedIdsAsync("api/v1/payments?limit=1", PlatformFixture.DemoApiKey);

        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: Scenario.PaymentBody(Scenario.NewOrderId(), amount: 100_000));
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        var (status, problem, _) = await scenario.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("idempotency_key_reused", (string?)problem["code"]);
        Assert.Equal(before, await ListedIdsAsync("api/v1/payments?limit=1", PlatformFixture.DemoApiKey));
        Assert.Equal(100, (long?)(await scenario.GetPaymentAsync((string)first["id"]!))["amount"]);
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[::ffff:169.254.169.254]/")]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://10.0.0.5/hooks")]
    [InlineData("https://192.168.1.10/hooks")]
    [InlineData("https://172.16.0.1/hooks")]
    [InlineData("https://0.0.0.0/hooks")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("https://2130706433/hooks")]
    [InlineData("http://example.com/hooks")]
    [InlineData("https://user:pass@example.com/hooks")]
    public async Task API7_ServerSideRequestForgery_WebhookUrlToMetadataLoopbackOrPrivate_Answers400(string url)
    {
        var api = await hosts.GetAsync(platform, "owaspssrf", new Dictionary<string, string> { ["Webhooks__AllowPrivateNetworks"] = "false" });
        using var request = platform.Request(HttpMethod.Post, "api/ops/merchants", PlatformFixture.OperatorKey, new JsonObject { ["name"] = "SSRF Cafe", ["webhook_url"] = url }.ToJsonString());
        var (status, problem, _) = await new Scenario(platform, api).SendAsync(request);

        Assert.True(status == HttpStatusCode.BadRequest, $"{url} answered {status}: {problem}");
        Assert.Equal(("parameter_invalid", "webhook_url"), ((string?)problem["code"], (string?)problem["param"]));
    }

    public static TheoryData<string, string, string?, string> MalformedRequests() => new()
    {
        { "POST", "api/v1/payments", "{\"amount\":", "application/json" },
        { "POST", "api/v1/payments", "{\"amount\":1e999999,\"currency\":\"cny\"}", "application/json" },
        { "POST", "api/v1/payments", new string('[', 5000), "application/json" },
        { "POST", "api/v1/accounts", "\uFEFF{\"type\":null}", "application/json" },
        { "POST", "api/v1/api_keys", "{\"scopes\":[\"read\",null]}", "application/json" },
        { "POST", "api/ops/operators", "{\"name\":\"n\",\"scopes\":[\"ops:fx\",null]}", "application/json" },
        { "POST", "api/v1/accounts", "{\"type\":[],\"name\":{}}", "application/json" },
        { "POST", "api/v1/payments/pay_%00%2F..%2F/close", null, "application/json" },
        { "GET", "api/v1/payments?limit=%FF%FE", null, "application/json" },
        { "GET", "api/v1/payments?starting_after=" + new string('a', 5000), null, "application/json" },
        { "POST", "api/ops/fx_rates", "<Envelope><Cube><Cube time=\"x\"><Cube currency=\"USD\" rate=\"NaN\"/></Cube></Cube></Envelope>", "application/xml" },
        { "POST", "api/ops/fx_rates", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "application/xml" },
        { "POST", "api/ops/settlements?date=2020-02-30", null, "application/json" },
        { "POST", "api/ops/operators/op_%27/disable", null, "application/json" },
        { "GET", "api/checkout/pay_000000000000000000000000", null, "text/html" },
        { "POST", "api/checkout/pay_000000000000000000000000/method", "method=%ZZ", "application/x-www-form-urlencoded" },
        { "GET", "api/s/%00", null, "text/html" },
        { "POST", "api/s/zzzzzzzz", "amount=1e999", "application/x-www-form-urlencoded" },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task API8_SecurityMisconfiguration_MalformedRequests_AnswerAProblemWithoutInternals(string method, string path, string? body, string contentType)
    {
        var credential = path.StartsWith("api/ops/", StringComparison.Ordinal) ? PlatformFixture.OperatorKey : PlatformFixture.DemoApiKey;
        using var request = platform.Request(new HttpMethod(method), path, credential);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        using var response = await platform.Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {path} answered {response.StatusCode}: {text}");
        AssertNoInternals(text);
        if (response.Content.Headers.ContentType?.MediaType is "application/json" or ApiError.ContentType)
        {
            Assert.Equal(ApiError.ContentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)response.StatusCode, (int?)JsonNode.Parse(text)!["status"]);
        }
    }

    [Fact]
    public async Task API8_SecurityMisconfiguration_PayerPagesCarryTheSecurityHeaders_AndNoAnswerNamesTheStack()
    {
        using var page = await platform.Api.GetAsync(new Uri("api/status", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("X-Powered-By"));
        Assert.False(page.Headers.Contains("X-AspNet-Version"));
    }

    [Fact]
    public async Task API9_ImproperInventoryManagement_EveryAnsweredRouteIsInTheTable_AndNoOtherPathOrMethodIsServed()
    {
        var methods = new[] { "GET", "POST", "PUT", "PATCH", "DELETE" };
        foreach (var template in ApiRoutes.All.Select(r => r.Template).Distinct())
        {
            var path = "api/" + template.Replace("{", "x", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
            foreach (var method in methods.Where(m => !ApiRoutes.All.Any(r => r.Method == m && Matches(r.Template, path["api/".Length..]))))
            {
                using var response = await platform.Api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(
                    response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed,
                    $"{method} {path}, which is not in ApiRoutes, answered {response.StatusCode}");
                Assert.True(text.Length == 0, $"{method} {path} answered a body: {text}");
            }
        }

        foreach (var path in new[]
        {
            "api", "api/v2/payments", "api/v0/payments", "api/v1/merchants", "api/v1/admin", "api/admin", "api/ops", "api/ops/merchants/x",
            "api/v1/payments/x/refund", "api/v1/payments/x/cancel", "api/v1/refunds", "api/v1/webhooks", "api/debug", "api/swagger",
            "api/swagger/v1/swagger.json", "api/openapi.yaml", "api/.well-known/openid-configuration", "api/oauth/authorize",
            "api/health/detail", "api/v1/payments/x/y/z", "swagger", ".env", "metrics",
        })
        {
            Assert.DoesNotContain(ApiRoutes.All, r => path.StartsWith("api/", StringComparison.Ordinal) && Matches(r.Template, path["api/".Length..]));
            foreach (var method in new[] { "GET", "POST" })
            {
                using var response = await platform.Api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}, which is not in ApiRoutes, answered {response.StatusCode}");
                Assert.Equal("", await response.Content.ReadAsStringAsync());
            }
        }
    }

    [Fact]
    public async Task API10_UnsafeConsumptionOfApis_ForgedOrMisdirectedChannelNotifications_CompleteNothing()
    {
        var made = await objects.GetAsync(platform);
        var delivered = await DeliveredNotificationAsync(made.PaidPayment);
        var ledgerBefore = (await scenario.LedgerEntriesForAsync(made.PaidPayment)).Count;

        // Plain JSON claiming the unpaid payment succeeded, unsigned and with made-up signature headers.
        var forged = $$$"""{"id":"evt","event_type":"TRANSACTION.SUCCESS","out_trade_no":"{{{made.Payment}}}","trade_state":"SUCCESS","amount":{"total":2500}}""";
        foreach (var headers in new[]
        {
            new Dictionary<string, string>(),
            new Dictionary<string, string>
            {
                ["Wechatpay-Serial"] = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1", ["Wechatpay-Signature"] = Convert.ToBase64String(new byte[256]),
                ["Wechatpay-Timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ["Wechatpay-Nonce"] = "n",
            },
        })
        {
            Assert.True(await NotifyAsync("wechat_pay", forged, headers) is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest);
        }

        // The channel's genuine, signed callback for one payment, posted to another channel's route: refused there.
        var signedHeaders = delivered["headers"]!.AsObject()
            .Where(h => h.Key.StartsWith("Wechatpay-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => (string)h.Value!, StringComparer.OrdinalIgnoreCase);
        var misdirected = await NotifyAsync("alipay", (string)delivered["body"]!, signedHeaders);
        Assert.True((int)misdirected is >= 400 and < 500, $"a WeChat Pay callback on the Alipay route answered {misdirected}");

        // Replayed where it belongs, it settles only the payment it names, and that one only once.
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync("wechat_pay", (string)delivered["body"]!, signedHeaders));

        Assert.Equal("requires_action", (string?)(await scenario.GetPaymentAsync(made.Payment))["status"]);
        Assert.Empty(await scenario.LedgerEntriesForAsync(made.Payment));
        Assert.Equal(ledgerBefore, (await scenario.LedgerEntriesForAsync(made.PaidPayment)).Count);
        await scenario.AssertLedgerInvariantAsync();
    }

    private async Task<HttpStatusCode> NotifyAsync(string channel, string body, IReadOnlyDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/notify/{channel}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await platform.Api.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<JsonObject> DeliveredNotificationAsync(string paymentId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var deliveries = await scenario.SandboxGetAsync($"sandbox/wechat_pay/orders/{paymentId}/notifications");
            if (deliveries.FirstOrDefault(d => (int?)d!["status"] == 200) is { } delivered)
            {
                return delivered.AsObject();
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The sandbox delivered no notification for {paymentId}.");
        return [];
    }

    private async Task<(string Id, string Secret)> KeyAsync(string apiKey, string json)
    {
        using var create = platform.Request(HttpMethod.Post, "api/v1/api_keys", apiKey, json);
        var (status, key, _) = await scenario.SendAsync(create);
        Assert.True(status == HttpStatusCode.Created, $"key create answered {status}: {key}");
        return ((string)key["id"]!, (string)key["secret"]!);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> BalanceAsync(string credential)
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/balance", credential);
        return await scenario.SendAsync(request);
    }

    private async Task<HttpStatusCode> BalanceStatusAsync(string credential) => (await BalanceAsync(credential)).Status;

    /// <summary>The ids a list (or one object) answers, in order: a create or a change that went through shows here.</summary>
    private async Task<string> ListedIdsAsync(string path, string credential)
    {
        using var request = platform.Request(HttpMethod.Get, path, credential);
        var (status, body, _) = await scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"{path} answered {status}: {body}");
        return string.Join(',', body["data"]!.AsArray().Select(d => $"{d!["id"]}:{d["status"]}:{d["disabled_at"]}"));
    }

    private static void AssertNoSecretFields(string path, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    Assert.False(
                        value is not null && name.Contains("hash", StringComparison.OrdinalIgnoreCase) || name.Contains("pepper", StringComparison.OrdinalIgnoreCase)
                        || value is not null && name is "secret" or "key" or "api_key" or "webhook_secret" or "account_number" or "d",
                        $"{path} answers a field '{name}'.");
                    AssertNoSecretFields(path, value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    AssertNoSecretFields(path, item);
                }

                break;
        }
    }

    private static void AssertNoInternals(string text)
    {
        foreach (var marker in new[] { "   at ", "Exception", "System.", "Microsoft.", "PayFunctions.", "Azure.", ".cs:line", "StackTrace", "/work/", "Kestrel" })
        {
            Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        }
    }

    private static bool Matches(string template, string path)
    {
        var expected = template.Split('/');
        var actual = path.Split('/');
        return expected.Length == actual.Length
            && expected.Zip(actual).All(p => p.First.StartsWith('{') || string.Equals(p.First, p.Second, StringComparison.Ordinal));
    }
}
