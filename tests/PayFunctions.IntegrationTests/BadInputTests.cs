using System.Net;
using System.Text;

namespace PayFunctions.IntegrationTests;

/// <summary>Every endpoint answers bad input with a 4xx RFC 9457 problem carrying a stable code, and changes nothing.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BadInputTests(PlatformFixture platform)
{
    private readonly Scenario scenario = new(platform);

    public static TheoryData<string, string, string, string?> CreateBodies() => new()
    {
        { "empty body", "", "body_invalid", null },
        { "not json", "amount=1", "body_invalid", null },
        { "array", "[]", "body_invalid", null },
        { "amount as string", """{"amount":"100","currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}""", "body_invalid", "amount" },
        { "fractional amount", """{"amount":1.5,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}""", "body_invalid", "amount" },
        { "amount overflow", """{"amount":99999999999999999999,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}""", "body_invalid", "amount" },
        { "missing amount", """{"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}""", "parameter_missing", "amount" },
        { "zero amount", """{"amount":0,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}""", "parameter_invalid", "amount" },
        { "negative amount", """{"amount":-5,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}""", "parameter_invalid", "amount" },
        { "unknown currency", """{"amount":100,"currency":"xyz","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}""", "parameter_invalid", "currency" },
        { "wrong currency for method", """{"amount":100,"currency":"usd","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}""", "parameter_invalid", "currency" },
        { "unknown method", """{"amount":100,"currency":"cny","method":"bitcoin","merchant_order_id":"x","description":"d"}""", "parameter_invalid", "method" },
        { "missing order id", """{"amount":100,"currency":"cny","method":"wechat_pay.native","description":"d"}""", "parameter_missing", "merchant_order_id" },
        { "long order id", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"{{LONG}}","description":"d"}""", "parameter_invalid", "merchant_order_id" },
        { "long description", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"{{LONG}}"}""", "parameter_invalid", "description" },
        { "expiry too short", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","expires_in_seconds":5}""", "parameter_invalid", "expires_in_seconds" },
        { "unknown field", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","colour":"red"}""", "body_invalid", null },
        { "split over 100%", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","split":{"recipients":[{"account":"a","basis_points":6000},{"account":"b","basis_points":6000}]}}""", "parameter_invalid", "split" },
        { "split fixed over net", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","split":{"recipients":[{"account":"a","amount":100}]}}""", "parameter_invalid", "split" },
        { "split both kinds", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","split":{"recipients":[{"account":"a","amount":1,"basis_points":1}]}}""", "parameter_invalid", "split" },
        { "split without account", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","split":{"recipients":[{"basis_points":10}]}}""", "parameter_missing", "split" },
        { "split to platform", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","split":{"recipients":[{"account":"platform","basis_points":10}]}}""", "parameter_invalid", "split" },
        { "split to a merchant id", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","split":{"recipients":[{"account":"mch_it_other","basis_points":10}]}}""", "parameter_invalid", "split.recipients[0].account" },
        { "split to an unknown account", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","split":{"recipients":[{"account":"acct_000000000000000000000000","basis_points":10}]}}""", "account_missing", "split.recipients[0].account" },
        { "split to a path", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","split":{"recipients":[{"account":"acct_a/b","basis_points":10}]}}""", "parameter_invalid", "split.recipients[0].account" },
        { "metadata not strings", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","metadata":{"a":1}}""", "body_invalid", "metadata" },
    };

    [Theory]
    [MemberData(nameof(CreateBodies))]
    public async Task CreatePayment_WithBadBody_AnswersProblemAndCreatesNothing(string label, string body, string code, string? paramPrefix)
    {
        var json = body.Replace("{{LONG}}", new string('x', 300), StringComparison.Ordinal);
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments");
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var before = await CountPaymentsAsync();

        var (status, problem, response) = await scenario.SendAsync(request);

        Assert.True(status == HttpStatusCode.BadRequest, $"{label}: {status} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal(400, (int?)problem["status"]);
        if (paramPrefix is not null)
        {
            Assert.StartsWith(paramPrefix, (string?)problem["param"] ?? "", StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountPaymentsAsync());
    }

    /// <summary>What the strict read refuses before any validator: each is a 400 naming the field, and no payment.</summary>
    public static TheoryData<string, string, string, string?> HostileBodies() => new()
    {
        { "duplicate amount", """{"amount":1,"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}""", "body_invalid", "amount" },
        { "exponent amount", """{"amount":1e2,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}""", "body_invalid", "amount" },
        { "nested too deep", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","metadata":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}""", "body_invalid", "metadata[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]" },
        { "nul in a string", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d\u0000"}""", "parameter_invalid", "description" },
        { "unpaired surrogate", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x\ud800","description":"d"}""", "parameter_invalid", "merchant_order_id" },
        { "string too long", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d","metadata":{"k":"{{HUGE}}"}}""", "parameter_invalid", "metadata.k" },
        { "comment", """{"amount":100 /* c */,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}""", "body_invalid", "amount" },
        { "trailing content", """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}{}""", "body_invalid", null },
        { "byte order mark", "\uFEFF" + """{"amount":100,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"x","description":"d"}""", "body_invalid", null },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task CreatePayment_WithHostileJson_Answers400AndCreatesNothing(string label, string body, string code, string? param)
    {
        // The order id is fresh and valid, so only the JSON's form can be what stops the payment.
        var json = body.Replace("\"merchant_order_id\":\"x", $"\"merchant_order_id\":\"{Scenario.NewOrderId()}", StringComparison.Ordinal)
            .Replace("{{HUGE}}", new string('x', Core.Http.StrictJson.MaxStringLength + 1), StringComparison.Ordinal);
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) { Headers = { ContentType = new("application/json") } };
        var before = await CountPaymentsAsync();

        var (status, problem, response) = await scenario.SendAsync(request);

        Assert.True(status == HttpStatusCode.BadRequest, $"{label}: {status} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((code, param), ((string?)problem["code"], (string?)problem["param"]));
        Assert.Equal(before, await CountPaymentsAsync());
    }

    [Theory]
    [InlineData("GET", "api/v1/payments")]
    [InlineData("POST", "api/v1/payments")]
    [InlineData("GET", "api/v1/payments/pay_000000000000000000000000")]
    [InlineData("POST", "api/v1/payments/pay_000000000000000000000000/close")]
    [InlineData("GET", "api/v1/settlements")]
    [InlineData("GET", "api/v1/balance")]
    [InlineData("POST", "api/ops/settlements")]
    [InlineData("POST", "api/ops/merchants")]
    [InlineData("POST", "api/v1/accounts")]
    [InlineData("GET", "api/v1/accounts")]
    [InlineData("GET", "api/v1/accounts/acct_000000000000000000000000")]
    [InlineData("POST", "api/v1/accounts/acct_000000000000000000000000/deactivate")]
    [InlineData("POST", "api/v1/api_keys")]
    [InlineData("GET", "api/v1/api_keys")]
    [InlineData("POST", "api/v1/api_keys/key_000000000000000000000000/roll")]
    [InlineData("POST", "api/v1/api_keys/key_000000000000000000000000/revoke")]
    public async Task EveryEndpoint_WithoutValidKey_Answers401Problem(string method, string path)
    {
        foreach (var key in new[] { null, "sk_test_wrong_000000000000000000000", "short" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (key is not null)
            {
                request.Headers.Authorization = new("Bearer", key);
            }

            var (status, problem, response) = await scenario.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("api_key_invalid", (string?)problem["code"]);
        }
    }

    [Theory]
    [InlineData("api/v1/payments/not-a-payment")]
    [InlineData("api/v1/payments/pay_zzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("api/v1/payments/PAY_ZZZZZZZZZZZZZZZZZZZZZZZZ")]
    public async Task GetPayment_UnknownOrMalformedId_Answers404(string path)
    {
        using var request = platform.Request(HttpMethod.Get, path);
        var (status, problem, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("resource_missing", (string?)problem["code"]);
    }

    [Fact]
    public async Task AnotherMerchantsPayment_IsNotFound_ForReadAndClose()
    {
        var id = (string)(await scenario.CreatePaymentAsync())["id"]!;

        using var get = platform.Request(HttpMethod.Get, $"api/v1/payments/{id}", PlatformFixture.OtherApiKey);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.SendAsync(get)).Status);
        using var close = platform.Request(HttpMethod.Post, $"api/v1/payments/{id}/close", PlatformFixture.OtherApiKey);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.SendAsync(close)).Status);
        using var list = platform.Request(HttpMethod.Get, "api/v1/payments?limit=100", PlatformFixture.OtherApiKey);
        Assert.DoesNotContain((await scenario.SendAsync(list)).Body["data"]!.AsArray(), p => (string?)p!["id"] == id);

        Assert.Equal("requires_action", (string?)(await scenario.GetPaymentAsync(id))["status"]);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("starting_after=';drop", "starting_after")]
    public async Task ListPayments_WithBadQuery_Answers400(string query, string param)
    {
        using var request = platform.Request(HttpMethod.Get, "api/v1/payments?" + query);
        var (status, problem, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(param, (string?)problem["param"]);
    }

    public static TheoryData<string, string, string, string?> AccountBodies() => new()
    {
        { "empty body", "", "body_invalid", null },
        { "not json", "type=individual", "body_invalid", null },
        { "empty object", "{}", "parameter_missing", "type" },
        { "unknown type", """{"type":"person","name":"n","payout_method":{"type":"wechat_pay","wechat_pay":{"openid":"oUpF8uMuAJO"}}}""", "parameter_invalid", "type" },
        { "missing name", """{"type":"individual","payout_method":{"type":"wechat_pay","wechat_pay":{"openid":"oUpF8uMuAJO"}}}""", "parameter_missing", "name" },
        { "long name", """{"type":"individual","name":"{{LONG}}","payout_method":{"type":"wechat_pay","wechat_pay":{"openid":"oUpF8uMuAJO"}}}""", "parameter_invalid", "name" },
        { "control character in name", """{"type":"individual","name":"a\u0007b","payout_method":{"type":"wechat_pay","wechat_pay":{"openid":"oUpF8uMuAJO"}}}""", "parameter_invalid", "name" },
        { "missing payout method", """{"type":"individual","name":"n"}""", "parameter_missing", "payout_method" },
        { "missing payout type", """{"type":"individual","name":"n","payout_method":{}}""", "parameter_missing", "payout_method.type" },
        { "unknown payout type", """{"type":"individual","name":"n","payout_method":{"type":"cash"}}""", "parameter_invalid", "payout_method.type" },
        { "missing bank account", """{"type":"company","name":"n","payout_method":{"type":"bank_account"}}""", "parameter_missing", "payout_method.bank_account" },
        { "both payout objects", """{"type":"individual","name":"n","payout_method":{"type":"bank_account","bank_account":{"account_holder_name":"h","bank_name":"b","account_number":"62220202001122"},"wechat_pay":{"openid":"oUpF8uMuAJO"}}}""", "parameter_invalid", "payout_method.wechat_pay" },
        { "missing holder", """{"type":"company","name":"n","payout_method":{"type":"bank_account","bank_account":{"bank_name":"b","account_number":"62220202001122"}}}""", "parameter_missing", "payout_method.bank_account.account_holder_name" },
        { "missing bank name", """{"type":"company","name":"n","payout_method":{"type":"bank_account","bank_account":{"account_holder_name":"h","account_number":"62220202001122"}}}""", "parameter_missing", "payout_method.bank_account.bank_name" },
        { "missing account number", """{"type":"company","name":"n","payout_method":{"type":"bank_account","bank_account":{"account_holder_name":"h","bank_name":"b"}}}""", "parameter_missing", "payout_method.bank_account.account_number" },
        { "short account number", """{"type":"company","name":"n","payout_method":{"type":"bank_account","bank_account":{"account_holder_name":"h","bank_name":"b","account_number":"123"}}}""", "parameter_invalid", "payout_method.bank_account.account_number" },
        { "account number with a slash", """{"type":"company","name":"n","payout_method":{"type":"bank_account","bank_account":{"account_holder_name":"h","bank_name":"b","account_number":"6222/020200112"}}}""", "parameter_invalid", "payout_method.bank_account.account_number" },
        { "account number as a number", """{"type":"company","name":"n","payout_method":{"type":"bank_account","bank_account":{"account_holder_name":"h","bank_name":"b","account_number":62220202001122}}}""", "body_invalid", "payout_method.bank_account.account_number" },
        { "openid with a path", """{"type":"individual","name":"n","payout_method":{"type":"wechat_pay","wechat_pay":{"openid":"o/../../x"}}}""", "parameter_invalid", "payout_method.wechat_pay.openid" },
        { "missing openid", """{"type":"individual","name":"n","payout_method":{"type":"wechat_pay","wechat_pay":{}}}""", "parameter_missing", "payout_method.wechat_pay.openid" },
        { "company on wechat", """{"type":"company","name":"n","payout_method":{"type":"wechat_pay","wechat_pay":{"openid":"oUpF8uMuAJO"}}}""", "parameter_invalid", "payout_method.type" },
        { "unknown field", """{"type":"individual","name":"n","colour":"red","payout_method":{"type":"wechat_pay","wechat_pay":{"openid":"oUpF8uMuAJO"}}}""", "body_invalid", "colour" },
    };

    [Theory]
    [MemberData(nameof(AccountBodies))]
    public async Task CreateAccount_WithBadBody_AnswersProblemAndCreatesNothing(string label, string body, string code, string? param)
    {
        using var request = platform.Request(HttpMethod.Post, "api/v1/accounts", json: body.Replace("{{LONG}}", new string('x', 300), StringComparison.Ordinal));
        var before = await CountRowsAsync(Core.Storage.TableNames.Accounts);

        var (status, problem, response) = await scenario.SendAsync(request);

        Assert.True(status == HttpStatusCode.BadRequest, $"{label}: {status} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal(param, (string?)problem["param"]);
        Assert.Equal(before, await CountRowsAsync(Core.Storage.TableNames.Accounts));
    }

    [Theory]
    [InlineData("GET", "api/v1/accounts/not-an-account")]
    [InlineData("GET", "api/v1/accounts/acct_zzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("GET", "api/v1/accounts/ACCT_ZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("POST", "api/v1/accounts/acct_zzzzzzzzzzzzzzzzzzzzzzzz/deactivate")]
    [InlineData("POST", "api/v1/accounts/acct_a'b/deactivate")]
    [InlineData("POST", "api/v1/api_keys/key_zzzzzzzzzzzzzzzzzzzzzzzz/roll")]
    [InlineData("POST", "api/v1/api_keys/not-a-key/roll")]
    [InlineData("POST", "api/v1/api_keys/key_zzzzzzzzzzzzzzzzzzzzzzzz/revoke")]
    [InlineData("POST", "api/v1/api_keys/key_'%20or%20''='/revoke")]
    public async Task AccountOrKey_UnknownOrMalformedId_Answers404(string method, string path)
    {
        using var request = platform.Request(new HttpMethod(method), path);
        var (status, problem, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("resource_missing", (string?)problem["code"]);
        Assert.Equal("id", (string?)problem["param"]);
    }

    [Theory]
    [InlineData("api/v1/accounts", "limit=0", "limit")]
    [InlineData("api/v1/accounts", "limit=ten", "limit")]
    [InlineData("api/v1/accounts", "starting_after=pay_000000000000000000000000", "starting_after")]
    [InlineData("api/v1/accounts", "starting_after=acct_'", "starting_after")]
    [InlineData("api/v1/api_keys", "limit=101", "limit")]
    [InlineData("api/v1/api_keys", "starting_after=acct_000000000000000000000000", "starting_after")]
    public async Task ListAccountsOrKeys_WithBadQuery_Answers400(string path, string query, string param)
    {
        using var request = platform.Request(HttpMethod.Get, path + "?" + query);
        var (status, problem, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(param, (string?)problem["param"]);
    }

    [Theory]
    [InlineData("not json", "body_invalid", null)]
    [InlineData("[]", "body_invalid", null)]
    [InlineData("""{"name":""}""", "parameter_invalid", "name")]
    [InlineData("""{"name":"{{LONG}}"}""", "parameter_invalid", "name")]
    [InlineData("""{"name":5}""", "body_invalid", "name")]
    [InlineData("""{"colour":"red"}""", "body_invalid", "colour")]
    public async Task CreateApiKey_WithBadBody_AnswersProblemAndCreatesNothing(string body, string code, string? param)
    {
        using var request = platform.Request(HttpMethod.Post, "api/v1/api_keys", json: body.Replace("{{LONG}}", new string('x', 300), StringComparison.Ordinal));
        var before = await CountRowsAsync(Core.Storage.TableNames.ApiKeys);

        var (status, problem, _) = await scenario.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal(param, (string?)problem["param"]);
        Assert.Equal(before, await CountRowsAsync(Core.Storage.TableNames.ApiKeys));
    }

    [Theory]
    [InlineData("""{"expires_in_seconds":-1}""", "parameter_invalid")]
    [InlineData("""{"expires_in_seconds":604801}""", "parameter_invalid")]
    [InlineData("""{"expires_in_seconds":"3600"}""", "body_invalid")]
    [InlineData("""{"expires_in_seconds":1.5}""", "body_invalid")]
    public async Task RollApiKey_WithBadGrace_AnswersProblemAndChangesNothing(string body, string code)
    {
        using var create = platform.Request(HttpMethod.Post, "api/v1/api_keys", json: "{}");
        var key = (await scenario.SendAsync(create)).Body;
        var keysBefore = await CountRowsAsync(Core.Storage.TableNames.ApiKeys);

        using var roll = platform.Request(HttpMethod.Post, $"api/v1/api_keys/{key["id"]}/roll", json: body);
        var (status, problem, _) = await scenario.SendAsync(roll);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal("expires_in_seconds", (string?)problem["param"]);
        Assert.Equal(keysBefore, await CountRowsAsync(Core.Storage.TableNames.ApiKeys));
        using var still = platform.Request(HttpMethod.Get, "api/v1/balance", (string)key["secret"]!);
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(still)).Status);
        using var revoke = platform.Request(HttpMethod.Post, $"api/v1/api_keys/{key["id"]}/revoke");
        Assert.Equal(HttpStatusCode.OK, (await scenario.SendAsync(revoke)).Status);
    }

    [Fact]
    public async Task IdempotencyKey_TooLong_Answers400()
    {
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: Scenario.PaymentBody(Scenario.NewOrderId()));
        request.Headers.Add("Idempotency-Key", new string('k', 300));
        var (status, problem, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Idempotency-Key", (string?)problem["param"]);
    }

    [Fact]
    public async Task ClosePayment_AfterSuccess_Answers409AndChangesNothing()
    {
        var id = (string)(await scenario.CreatePaymentAsync())["id"]!;
        await scenario.PayAsync(id);
        await scenario.WaitForStatusAsync(id, "succeeded", TimeSpan.FromSeconds(30));

        using var close = platform.Request(HttpMethod.Post, $"api/v1/payments/{id}/close");
        var (status, problem, _) = await scenario.SendAsync(close);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("payment_unexpected_state", (string?)problem["code"]);
        Assert.Equal("succeeded", (string?)(await scenario.GetPaymentAsync(id))["status"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("not json at all")]
    [InlineData("""{"id":"x","resource":{"ciphertext":"AAAA","nonce":"n","associated_data":"transaction","algorithm":"AEAD_AES_256_GCM"}}""")]
    public async Task Notify_UnsignedOrMalformed_IsRejectedWithoutServerError(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/notify/wechat_pay")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = await platform.Api.SendAsync(request);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"answered {response.StatusCode}");
    }

    [Fact]
    public async Task RunSettlement_WithBadDate_Answers400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/ops/settlements?date=29-11-2026");
        request.Headers.Authorization = new("Bearer", PlatformFixture.OperatorKey);
        var (status, problem, _) = await scenario.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("date", (string?)problem["param"]);
    }

    [Fact]
    public async Task RunSettlement_ForADayWhoseCutoffHasNotPassed_Answers400AndSettlesNothing()
    {
        var china = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, china).DateTime).AddDays(1);
        foreach (var date in new[] { tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "9999-12-31" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/ops/settlements?date={date}");
            request.Headers.Authorization = new("Bearer", PlatformFixture.OperatorKey);
            var (status, problem, response) = await scenario.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(("settlement_date_in_future", "date"), ((string?)problem["code"], (string?)problem["param"]));
            Assert.Contains(date, (string?)problem["detail"], StringComparison.Ordinal);
        }

        var settledTomorrow = 0;
        await foreach (var _ in platform.Storage.Tables.GetTableClient(Core.Storage.TableNames.Settlements)
            .QueryAsync<Azure.Data.Tables.TableEntity>(e => e.RowKey.CompareTo("stl_" + tomorrow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)) >= 0, select: ["RowKey"]))
        {
            settledTomorrow++;
        }

        Assert.Equal(0, settledTomorrow);
    }

    [Fact]
    public async Task RunSettlement_ForADayBefore2000_Answers400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/ops/settlements?date=0001-01-01");
        request.Headers.Authorization = new("Bearer", PlatformFixture.OperatorKey);
        var (status, problem, _) = await scenario.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("parameter_invalid", "date"), ((string?)problem["code"], (string?)problem["param"]));
    }

    private async Task<int> CountRowsAsync(string table)
    {
        var count = 0;
        await foreach (var _ in platform.Storage.Tables.GetTableClient(table).QueryAsync<Azure.Data.Tables.TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    private async Task<int> CountPaymentsAsync()
    {
        var count = 0;
        await foreach (var _ in platform.Storage.Tables.GetTableClient(Core.Storage.TableNames.Payments)
            .QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == PlatformFixture.DemoMerchantId, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
