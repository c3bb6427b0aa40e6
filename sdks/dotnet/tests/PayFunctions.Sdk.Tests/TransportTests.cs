namespace PayFunctions.Tests;

/// <summary>The client alone against a scripted server: retries, waits, idempotency keys and errors.</summary>
public sealed class TransportTests : IDisposable
{
    private const string PaymentJson =
        """{"id":"pay_1","object":"payment","amount":1234,"currency":"cny","status":"requires_action","method":"wechat_pay.native","channel":"wechat_pay","channel_account":"main","merchant_order_id":"o-1","description":"d","created_at":"2026-11-30T14:00:00+00:00","expires_at":"2026-11-30T14:15:00+00:00","next_action":{"type":"display_qr_code","display_qr_code":{"data":"weixin://x"}},"brand_new_field":{"a":1},"livemode":false}""";

    private static readonly PaymentCreateOptions Create = new()
    {
        Amount = 1234, Currency = "cny", Method = "wechat_pay.native", MerchantOrderId = "o-1",
    };

    private readonly ScriptedServer server = new();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task Rate_limit_waits_what_Retry_After_asks_and_repeats_the_same_key()
    {
        server.RespondProblem(429, "rate_limited", null, ("Retry-After", "3")).Respond(201, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl);

        var payment = await client.Client.Payments.CreateAsync(Create);

        Assert.Equal("pay_1", payment.Id);
        Assert.Equal([TimeSpan.FromSeconds(3)], client.Delays);
        var keys = server.Requests.Select(r => r.Header("Idempotency-Key")).ToList();
        Assert.Equal(2, keys.Count);
        Assert.False(string.IsNullOrEmpty(keys[0]));
        Assert.Equal(keys[0], keys[1]);
        Assert.True(Guid.TryParse(keys[0], out _) && keys[0]![14] == '4', "a UUID v4");
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_and_beyond_a_minute_is_capped()
    {
        var far = DateTimeOffset.UtcNow.AddHours(1).ToString("R");
        server.RespondProblem(429, "rate_limited", null, ("Retry-After", far)).Respond(201, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl);

        await client.Client.Payments.CreateAsync(Create);

        Assert.Equal([TimeSpan.FromSeconds(60)], client.Delays);
    }

    [Fact]
    public async Task Server_error_is_retried_after_a_backoff_within_the_bounds()
    {
        server.RespondProblem(503, "service_unavailable").Respond(200, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl, jitter: 0.999);

        var payment = await client.Client.Payments.GetAsync("pay_1");

        Assert.Equal("pay_1", payment.Id);
        Assert.Equal(2, server.Requests.Count);
        var wait = Assert.Single(client.Delays);
        Assert.InRange(wait, TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(0.5));
    }

    [Fact]
    public async Task Idempotency_key_in_use_is_retried_with_the_same_key()
    {
        server.RespondProblem(409, "idempotency_key_in_use").Respond(201, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl);

        await client.Client.Payments.CreateAsync(Create);

        var keys = server.Requests.Select(r => r.Header("Idempotency-Key")).Distinct().ToList();
        Assert.Equal(2, server.Requests.Count);
        Assert.Single(keys);
    }

    [Fact]
    public async Task Another_conflict_is_not_retried()
    {
        server.RespondProblem(409, "payment_unexpected_state").Respond(200, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl);

        var error = await Assert.ThrowsAsync<ConflictException>(() => client.Client.Payments.CloseAsync("pay_1"));

        Assert.Equal("payment_unexpected_state", error.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Dropped_connection_is_retried_with_the_same_key()
    {
        server.Drop().Respond(201, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl);

        var payment = await client.Client.Payments.CreateAsync(Create);

        Assert.Equal("pay_1", payment.Id);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].Header("Idempotency-Key"), server.Requests[1].Header("Idempotency-Key"));
        Assert.Single(client.Delays);
    }

    [Fact]
    public async Task Refused_connections_raise_a_connection_error_after_the_retries()
    {
        using var client = new RecordingClient($"http://127.0.0.1:{ScriptedServer.FreePort()}/api", maxRetries: 2);

        var error = await Assert.ThrowsAsync<ApiConnectionException>(() => client.Client.Balance.GetAsync());

        Assert.IsAssignableFrom<PayFunctionsException>(error);
        Assert.Equal(2, client.Delays.Count);
    }

    [Fact]
    public async Task Attempt_timeout_counts_as_a_network_failure()
    {
        server.RespondAfter(TimeSpan.FromSeconds(5), 200, PaymentJson).Respond(200, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl, timeout: TimeSpan.FromMilliseconds(300));

        var payment = await client.Client.Payments.GetAsync("pay_1");

        Assert.Equal("pay_1", payment.Id);
        Assert.Equal(2, server.Requests.Count);
        Assert.Single(client.Delays);
    }

    [Fact]
    public async Task Invalid_request_is_not_retried_and_carries_the_problem()
    {
        server.RespondProblem(400, "parameter_invalid", "amount", ("Request-Id", "req_123"));
        using var client = new RecordingClient(server.BaseUrl);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(
            () => client.Client.Payments.CreateAsync(new PaymentCreateOptions { Amount = 0 }));

        Assert.Single(server.Requests);
        Assert.Empty(client.Delays);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("parameter_invalid", error.Code);
        Assert.Equal("amount", error.Param);
        Assert.Equal("req_123", error.RequestId);
        Assert.Equal("scripted", error.Detail);
        Assert.Equal("https://payfunctions.dev/problems/parameter_invalid", error.Type);
        Assert.Equal("parameter_invalid", error.Problem!.Document!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Exhausted_retries_raise_the_last_error()
    {
        server.RespondProblem(503, "unavailable").RespondProblem(502, "bad_gateway").RespondProblem(500, "internal");
        using var client = new RecordingClient(server.BaseUrl, maxRetries: 2);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Client.Payments.CreateAsync(Create));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, client.Delays.Count);
        Assert.Single(server.Requests.Select(r => r.Header("Idempotency-Key")).Distinct());
    }

    [Fact]
    public async Task Get_carries_no_idempotency_key_but_the_key_and_user_agent()
    {
        server.Respond(200, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl);

        await client.Client.Payments.GetAsync("pay_1");

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v1/payments/pay_1", request.PathAndQuery);
        Assert.Null(request.Header("Idempotency-Key"));
        Assert.Equal("Bearer sk_test_unit_0000000000000000000000", request.Header("Authorization"));
        Assert.Equal("payfunctions-dotnet/0.1.0", request.Header("User-Agent"));
    }

    [Fact]
    public async Task Caller_idempotency_key_is_sent_as_given_on_every_attempt()
    {
        server.RespondProblem(500, "internal").Respond(201, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl);

        await client.Client.Payments.CreateAsync(Create, new RequestOptions { IdempotencyKey = "order-1-create" });

        Assert.All(server.Requests, r => Assert.Equal("order-1-create", r.Header("Idempotency-Key")));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Body_is_snake_case_without_unset_members()
    {
        server.Respond(201, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl);

        await client.Client.Payments.CreateAsync(Create);

        Assert.Equal(
            """{"amount":1234,"currency":"cny","method":"wechat_pay.native","merchant_order_id":"o-1"}""",
            Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task Unknown_fields_stay_readable()
    {
        server.Respond(200, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl);

        var payment = await client.Client.Payments.GetAsync("pay_1");

        Assert.Equal(1234L, payment.Amount);
        Assert.Equal("weixin://x", payment.NextAction!.DisplayQrCode!.Data);
        Assert.Equal(1, payment.ExtensionData!["brand_new_field"].GetProperty("a").GetInt32());
    }

    [Theory]
    [InlineData(401, typeof(AuthenticationException))]
    [InlineData(403, typeof(PermissionException))]
    [InlineData(404, typeof(NotFoundException))]
    [InlineData(422, typeof(ApiException))]
    public async Task Status_picks_the_error_class(int status, Type expected)
    {
        server.RespondProblem(status, "some_code");
        using var client = new RecordingClient(server.BaseUrl);

        var error = await Assert.ThrowsAnyAsync<PayFunctionsException>(() => client.Client.Payments.GetAsync("pay_1"));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Rate_limit_still_refused_after_the_retries_is_a_rate_limit_error()
    {
        server.RespondProblem(429, "rate_limited").RespondProblem(429, "rate_limited");
        using var client = new RecordingClient(server.BaseUrl, maxRetries: 1);

        await Assert.ThrowsAsync<RateLimitException>(() => client.Client.Balance.GetAsync());

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Auto_pagination_follows_the_last_id_until_has_more_is_false()
    {
        server
            .Respond(200, """{"object":"list","url":"/api/v1/accounts","data":[{"id":"acct_3"},{"id":"acct_2"}],"has_more":true}""")
            .Respond(200, """{"object":"list","url":"/api/v1/accounts","data":[{"id":"acct_1"}],"has_more":false}""");
        using var client = new RecordingClient(server.BaseUrl);

        var ids = new List<string>();
        await foreach (var account in client.Client.Accounts.ListAutoPagingAsync(new ListOptions { Limit = 2 }))
        {
            ids.Add(account.Id);
        }

        Assert.Equal(["acct_3", "acct_2", "acct_1"], ids);
        Assert.Equal("/api/v1/accounts?limit=2", server.Requests[0].PathAndQuery);
        Assert.Equal("/api/v1/accounts?limit=2&starting_after=acct_2", server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task A_post_without_parameters_still_sends_a_json_object_and_a_key()
    {
        server.Respond(200, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl);

        await client.Client.Payments.CloseAsync("pay_1");

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/payments/pay_1/close", request.PathAndQuery);
        Assert.Equal("{}", request.Body);
        Assert.False(string.IsNullOrEmpty(request.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task A_delete_carries_no_idempotency_key()
    {
        server.Respond(200, """{"id":"rule_1","object":"risk_rule","deleted":true}""");
        using var client = new RecordingClient(server.BaseUrl);

        var deleted = await client.Client.RiskRules.DeleteAsync("rule_1");

        Assert.True(deleted.Deleted);
        var request = Assert.Single(server.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Null(request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task An_id_stays_one_path_segment()
    {
        server.Respond(200, PaymentJson);
        using var client = new RecordingClient(server.BaseUrl);

        await client.Client.Payments.GetAsync("../balance");

        Assert.Equal("/api/v1/payments/..%2Fbalance", Assert.Single(server.Requests).PathAndQuery);
    }
}
