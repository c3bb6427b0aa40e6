using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PayFunctions.Channels;

namespace PayFunctions.IntegrationTests.Channels;

/// <summary>
/// One channel's payments driven end to end: the merchant through the API, the payer through the channel's
/// simulator, the merchant's server through the webhook sink. Every method's flow is read from the
/// channel's capabilities, so a method added to a module is tested by the theories that list them.
/// </summary>
public sealed class ChannelFlow(PlatformFixture platform, string channel)
{
    public const string PayerId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    public const string PayerIp = "203.0.113.7";
    public const string ReturnUrl = "https://shop.example/orders/return";
    public const long Amount = 10000;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public Scenario Scenario { get; } = new(platform);

    public ChannelCapabilities Capabilities { get; } = ChannelCatalog.All.Single(m => m.Capabilities.Name == channel).Capabilities;

    /// <summary>The channel's methods whose payer acts after the order is placed (every one but the till's).</summary>
    public static TheoryData<string> OnlineMethods(string channel) =>
        [.. ChannelCatalog.All.Single(m => m.Capabilities.Name == channel).Capabilities.Methods
            .Where(m => m.NextAction != NextActionType.None).Select(m => m.Method)];

    public PaymentMethodCapability Method(string method) => Capabilities.Methods.Single(m => m.Method == method);

    /// <summary>The request body, in the method's first currency, with exactly the payer details <paramref name="method"/> declares it needs.</summary>
    public static string Body(PaymentMethodCapability method, string? paymentCode = null, string extra = "", string? methodName = null)
    {
        var details = new StringBuilder();
        if (method.Requires.HasFlag(PayerDetails.PayerId) || method.Requires.HasFlag(PayerDetails.ClientIp))
        {
            var id = method.Requires.HasFlag(PayerDetails.PayerId) ? $"\"id\":\"{PayerId}\"" : null;
            var ip = method.Requires.HasFlag(PayerDetails.ClientIp) ? $"\"ip\":\"{PayerIp}\"" : null;
            details.Append(",\"payer\":{").AppendJoin(',', new[] { id, ip }.OfType<string>()).Append('}');
        }

        if (method.Requires.HasFlag(PayerDetails.ReturnUrl))
        {
            details.Append($",\"return_url\":\"{ReturnUrl}\"");
        }

        if (method.Requires.HasFlag(PayerDetails.PaymentCode))
        {
            details.Append($",\"payment_code\":\"{paymentCode}\"");
        }

        // The method's own currency: CNY for the domestic wallets, the wallet's for the others.
        var currency = method.Currencies[0].ToLowerInvariant();
        return $$"""{"amount":{{Amount}},"currency":"{{currency}}","method":"{{methodName ?? method.Method}}","merchant_order_id":"{{Scenario.NewOrderId()}}","description":"Latte"{{details}}{{extra}}}""";
    }

    /// <summary>Creates the payment and checks what every answer must show: the channel and account it went to.</summary>
    public async Task<JsonObject> CreateAsync(string body)
    {
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", json: body);
        var (status, created, _) = await Scenario.SendAsync(request);
        Assert.True(status == HttpStatusCode.Created, $"create answered {status}: {created}\n{platform.HostLogTail()}");
        Assert.Equal(channel, (string?)created["channel"]);
        Assert.Equal("main", (string?)created["channel_account"]);
        return created;
    }

    /// <summary>A split every payment of these tests carries: 10% to a connected account.</summary>
    public async Task<(string Account, string Json)> SplitAsync()
    {
        var account = await Scenario.CreateAccountAsync();
        return (account, $$""","split":{"recipients":[{"account":"{{account}}","basis_points":1000}]}""");
    }

    public static void AssertSplit(JsonObject paid, string recipient)
    {
        var allocations = paid["allocations"]!.AsArray().Select(a => ((string)a!["account"]!, (string)a["role"]!, (long)a["amount"]!)).ToList();

        // A payment in another currency than the merchant's (CNY) is split on what it settles: its quote's amount. The fee
        // is 0.6 % rounded half up, the recipient's 10 % of the rest rounded down: 60, 994 and 8946 of 10000 fen.
        var settled = (long?)paid["fx"]?["settlement_amount"] ?? Amount;
        var fee = ((settled * 60) + 5_000) / 10_000;
        var share = (settled - fee) / 10;
        Assert.Equal(
            [("platform", "platform_fee", fee), (recipient, "recipient", share), (PlatformFixture.DemoMerchantId, "merchant", settled - fee - share)],
            allocations);
    }

    public string OrderPath(string id) => $"sandbox/{channel}/orders/{id}";

    public Task<HttpStatusCode> PayAsync(string id, string json = "{}") => Scenario.SandboxPostAsync(OrderPath(id) + "/pay", json);

    /// <summary>
    /// Creates a payment of <paramref name="method"/> and has the payer pay it with the channel's notification lost
    /// (every simulator's pay takes <c>{"notify": false}</c>): only a query can tell the platform it was paid.
    /// </summary>
    public async Task<string> StartPaidSilentlyAsync(string method, string extra = "")
    {
        var id = (string)(await CreateAsync(Body(Method(method), extra: extra)))["id"]!;
        Assert.Equal(HttpStatusCode.OK, await PayAsync(id, """{"notify":false}"""));
        return id;
    }

    /// <summary>
    /// The one success of a payment found by query: one capture, a signed webhook, and no notification from the channel
    /// ever reached the platform.
    /// </summary>
    public async Task AssertFoundByQueryAsync(string id)
    {
        var paid = await WaitForStatusAsync(id, "succeeded");
        Assert.NotNull((string?)paid["channel_trade_no"]);
        Assert.Single(await Scenario.LedgerEntriesForAsync(id));
        await WaitForWebhookAsync(id, "payment.succeeded");
        Assert.Empty(await Scenario.SandboxGetAsync(OrderPath(id) + "/notifications"));
        await Scenario.AssertLedgerInvariantAsync();
    }

    /// <summary>Polls the simulator's control API at <paramref name="path"/> until <paramref name="done"/> holds for what it shows.</summary>
    public async Task<JsonNode> WaitAtChannelAsync(string path, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonNode shown;
        do
        {
            shown = JsonNode.Parse(await platform.Sandbox.GetStringAsync(path))!;
            if (done(shown))
            {
                return shown;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"The simulator never showed what was expected at {path}: {shown}");
        return shown;
    }

    public Task<HttpStatusCode> ResendAsync(string id, int times) =>
        Scenario.SandboxPostAsync(OrderPath(id) + "/notifications/resend", $$"""{"times":{{times}},"concurrent":true}""");

    public Task<HttpStatusCode> FaultAsync(string json) => Scenario.SandboxPostAsync($"sandbox/{channel}/faults", json);

    public async Task<JsonObject> WaitForStatusAsync(string id, string status)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonObject payment;
        do
        {
            payment = await Scenario.GetPaymentAsync(id);
            if ((string?)payment["status"] == status)
            {
                return payment;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Payment {id} is {payment["status"]}, not {status}.\n{payment}\n{platform.HostLogTail()}");
        return payment;
    }

    /// <summary>Waits until the simulator has at least <paramref name="count"/> deliveries, each answered.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForDeliveriesAsync(string id, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        List<JsonObject> deliveries;
        do
        {
            deliveries = [.. (await Scenario.SandboxGetAsync(OrderPath(id) + "/notifications")).Select(d => d!.AsObject())];
            if (deliveries.Count >= count && deliveries.All(d => d["status"] is not null))
            {
                return deliveries;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"{deliveries.Count} answered notification deliveries for {id}, expected {count}.");
        return deliveries;
    }

    /// <summary>The one webhook of <paramref name="type"/> for the payment, its standard-webhooks signature checked.</summary>
    public async Task<JsonObject> WaitForWebhookAsync(string paymentId, string type)
    {
        var deadline = DateTime.UtcNow + Patience;
        do
        {
            var hooks = (await Scenario.WebhooksForAsync(paymentId))
                .Where(w => (string?)JsonNode.Parse((string)w["body"]!)!["type"] == type)
                .ToList();
            if (hooks.Count > 0)
            {
                Assert.Single(hooks.Select(h => (string?)h["headers"]!["webhook-id"]).Distinct());
                AssertSigned(hooks[0]);
                return hooks[0];
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"No {type} webhook for {paymentId}.");
        return [];
    }

    /// <summary>
    /// POSTs a notification the channel never sent (a delivered one with <paramref name="tamper"/> applied) and checks
    /// the platform refuses it with the channel's failure reply and changes nothing.
    /// </summary>
    public async Task AssertTamperedRefusedAsync(string id, JsonObject delivery, Func<string, string> tamper, string contentType)
    {
        var before = await Scenario.GetPaymentAsync(id);
        var ledgerBefore = (await LedgerSnapshot.ReadJournalAsync(platform.Storage)).Count;
        var webhooksBefore = (await Scenario.WebhooksForAsync(id)).Count;
        var original = (string)delivery["body"]!;
        var forged = tamper(original);
        Assert.NotEqual(original, forged);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/notify/{channel}")
        {
            Content = new StringContent(forged, Encoding.UTF8, contentType),
        };
        // The channel's signature headers go with the forged body, so only the tampering can make it fail.
        foreach (var (name, value) in delivery["headers"]?.AsObject() ?? [])
        {
            if (Capabilities.EvidenceHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, (string?)value);
            }
        }

        using var response = await platform.Api.SendAsync(request);
        var reply = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest,
            $"a tampered notification was answered {response.StatusCode}: {reply}");
        Assert.DoesNotContain(reply, new[] { "success", "ok", "" });

        Assert.Equal(ledgerBefore, (await LedgerSnapshot.ReadJournalAsync(platform.Storage)).Count);
        Assert.Equal(webhooksBefore, (await Scenario.WebhooksForAsync(id)).Count);
        var after = await Scenario.GetPaymentAsync(id);
        Assert.Equal((string?)before["status"], (string?)after["status"]);
        Assert.Equal(before["allocations"]?.ToJsonString(), after["allocations"]?.ToJsonString());
    }

    /// <summary>
    /// After a payer paid once and the channel delivered the same notification six times (five of them at once):
    /// one success, one ledger entry, one webhook.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> AssertPaidOnceAsync(string id)
    {
        var deliveries = await WaitForDeliveriesAsync(id, 6);
        Assert.Single(deliveries.Select(d => (string?)d["body"]).Distinct());
        Assert.All(deliveries, d => Assert.True((int?)d["status"] is 200, $"a duplicate was answered {d["status"]}: {d}"));
        Assert.Single(await Scenario.LedgerEntriesForAsync(id));
        Assert.Single((await Scenario.WebhooksForAsync(id)).Select(w => (string?)w["headers"]!["webhook-id"]).Distinct());
        return deliveries;
    }

    /// <summary>
    /// After the payer paid: the notification five more times at once, then one success carrying the split, one
    /// webhook and one ledger entry; a delivered notification changed by <paramref name="tamper"/> is refused.
    /// </summary>
    public async Task AssertPaidOnceAndTamperingRefusedAsync(string id, string recipient, Func<string, string> tamper, string contentType)
    {
        Assert.Equal(HttpStatusCode.Accepted, await ResendAsync(id, 5));
        var paid = await WaitForStatusAsync(id, "succeeded");
        Assert.NotNull((string?)paid["channel_trade_no"]);
        Assert.Null(paid["next_action"]);
        AssertSplit(paid, recipient);
        await WaitForWebhookAsync(id, "payment.succeeded");
        var deliveries = await AssertPaidOnceAsync(id);
        await AssertTamperedRefusedAsync(id, deliveries[0], tamper, contentType);
        await Scenario.AssertLedgerInvariantAsync();
    }

    private static void AssertSigned(JsonObject webhook)
    {
        var headers = webhook["headers"]!.AsObject();
        var id = (string)headers["webhook-id"]!;
        var timestamp = (string)headers["webhook-timestamp"]!;
        var body = (string)webhook["body"]!;
        var key = Convert.FromBase64String(PlatformFixture.WebhookSecret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        Assert.Contains(expected, ((string)headers["webhook-signature"]!).Split(' '));
        Assert.Equal(id, (string?)JsonNode.Parse(body)!["id"]);
    }
}
