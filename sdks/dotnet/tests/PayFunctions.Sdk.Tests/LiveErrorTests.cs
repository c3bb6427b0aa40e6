namespace PayFunctions.Tests;

/// <summary>Problem answers of the running host, raised as the typed errors.</summary>
[Trait("Category", "Live")]
public sealed class LiveErrorTests : IDisposable
{
    private readonly PayFunctionsClient client = LiveEnvironment.Client();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task A_zero_amount_is_an_invalid_request_about_amount()
    {
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => client.Payments.CreateAsync(new PaymentCreateOptions
        {
            Amount = 0,
            Currency = "cny",
            Method = "wechat_pay.native",
            MerchantOrderId = LiveEnvironment.UniqueOrderId("zero"),
        }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("parameter_invalid", error.Code);
        Assert.Equal("amount", error.Param);
        Assert.False(string.IsNullOrEmpty(error.RequestId), "the answer carries no Request-Id header");
    }

    [Fact]
    public async Task An_unknown_payment_is_not_found()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => client.Payments.GetAsync("pay_doesnotexist000000000000"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("resource_missing", error.Code);
    }

    [Fact]
    public async Task A_wrong_key_is_an_authentication_error()
    {
        using var stranger = new PayFunctionsClient(new PayFunctionsClientOptions
        {
            ApiKey = "sk_test_nobody_000000000000000000000",
            BaseUrl = LiveEnvironment.ApiBase,
        });

        await Assert.ThrowsAsync<AuthenticationException>(() => stranger.Balance.GetAsync());
    }
}
