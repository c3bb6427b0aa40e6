using System.Text;
using PayFunctions.Channels.PayPal;

namespace PayFunctions.Channels.Tests.PayPal;

public sealed class TokenTests
{
    private const string Order = """{"id":"5O190127TN364715T","status":"APPROVED","purchase_units":[{"reference_id":"default","invoice_id":"pay_1","amount":{"currency_code":"USD","value":"100.00"}}]}""";

    [Fact]
    public async Task Token_IsFetchedWithBasicClientCredentialsAndReusedAcrossAdaptersUntilShortlyBeforeItExpires()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("GET", "/v2/checkout/orders/5O190127TN364715T", 200, Order);
        account.Handler.Script("GET", "/v2/checkout/orders/5O190127TN364715T", 200, Order);
        account.Handler.Script("GET", "/v2/checkout/orders/5O190127TN364715T", 200, Order);

        await account.Adapter.QueryAsync(new ChannelOrderRef("pay_1", "5O190127TN364715T"), CancellationToken.None);

        // An adapter the platform rebuilds a few minutes later still has the token: the module keeps it.
        using var client = new HttpClient(account.Handler, disposeHandler: false);
        var rebuilt = account.Module.Create(PayPalTestAccount.Account(PayPalTestAccount.WebhookId), client, account.Time);
        account.Time.Now += TimeSpan.FromHours(8);
        await rebuilt.QueryAsync(new ChannelOrderRef("pay_1", "5O190127TN364715T"), CancellationToken.None);
        Assert.Equal(1, account.Handler.TokenRequests);

        var token = account.Handler.Requests.Single(r => r.Uri.AbsolutePath == "/v1/oauth2/token");
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AZclient:s3cret")), token.Headers["Authorization"]);
        Assert.Equal("grant_type=client_credentials", token.Body);
        Assert.All(account.Handler.Requests.Where(r => r.Uri.AbsolutePath.StartsWith("/v2/", StringComparison.Ordinal)),
            r => Assert.Equal("Bearer " + FakePayPalHandler.Token + "1", r.Headers["Authorization"]));

        // Within five minutes of its 9 hours the token is renewed rather than sent to expire on the way.
        account.Time.Now += TimeSpan.FromMinutes(56);
        await rebuilt.QueryAsync(new ChannelOrderRef("pay_1", "5O190127TN364715T"), CancellationToken.None);
        Assert.Equal(2, account.Handler.TokenRequests);
    }

    [Fact]
    public async Task Unauthorized_RenewsTheTokenOnceAndRepeatsTheCall()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("GET", "/v2/checkout/orders/5O190127TN364715T", 401, """{"error":"invalid_token"}""");
        account.Handler.Script("GET", "/v2/checkout/orders/5O190127TN364715T", 200, Order);

        var order = await account.Adapter.QueryAsync(new ChannelOrderRef("pay_1", "5O190127TN364715T"), CancellationToken.None);

        Assert.Equal(ChannelTradeState.Authorized, order.State);
        Assert.Equal(2, account.Handler.TokenRequests);
        var calls = account.Handler.Requests.Where(r => r.Uri.AbsolutePath.StartsWith("/v2/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Bearer " + FakePayPalHandler.Token + "1", "Bearer " + FakePayPalHandler.Token + "2"], calls.Select(c => c.Headers["Authorization"]));
    }

    [Fact]
    public async Task Unauthorized_Twice_IsARefusalNotALoop()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("GET", "/v2/checkout/orders/5O190127TN364715T", 401, """{"error":"invalid_token"}""");
        account.Handler.Script("GET", "/v2/checkout/orders/5O190127TN364715T", 401, """{"error":"invalid_token"}""");

        var refused = await Assert.ThrowsAsync<ChannelException>(() => account.Adapter.QueryAsync(new ChannelOrderRef("pay_1", "5O190127TN364715T"), CancellationToken.None));

        Assert.Equal(401, refused.HttpStatus);
        Assert.Equal("invalid_token", refused.Code);
        Assert.Equal(2, account.Handler.TokenRequests);
    }

    [Fact]
    public async Task WrongClientSecret_IsANonTransientRefusal()
    {
        using var account = new PayPalTestAccount();
        account.Handler.Script("POST", PayPalAccessTokens.TokenPath, 401, """{"error":"invalid_client","error_description":"Client Authentication failed"}""");

        var refused = await Assert.ThrowsAsync<ChannelException>(() => account.Adapter.QueryAsync(new ChannelOrderRef("pay_1", "5O190127TN364715T"), CancellationToken.None));

        Assert.Equal("invalid_client", refused.Code);
        Assert.False(refused.IsTransient);
    }
}
