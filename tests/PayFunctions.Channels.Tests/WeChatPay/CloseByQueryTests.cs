namespace PayFunctions.Channels.Tests.WeChatPay;

/// <summary>A close refused with an unknown 4xx code is decided by a verified query, never by the unsigned refusal.</summary>
public sealed class CloseByQueryTests : IDisposable
{
    private const string OutTradeNo = "pay_01HV6Z5K3M";
    private const string Refusal = """{"code":"INVALID_REQUEST","message":"无效请求"}""";
    private readonly TestAccount _account = new();

    public void Dispose() => _account.Dispose();

    [Theory]
    [InlineData("SUCCESS", CloseOutcome.AlreadyPaid)]
    [InlineData("REFUND", CloseOutcome.AlreadyPaid)]
    [InlineData("CLOSED", CloseOutcome.Closed)]
    [InlineData("REVOKED", CloseOutcome.Closed)]
    public async Task UnknownRefusal_IsDecidedByTheQueriedState(string tradeState, CloseOutcome expected)
    {
        _account.Handler.Respond = request => request.Method == HttpMethod.Get
            ? new FakeAnswer(200, Transaction(tradeState))
            : new FakeAnswer(400, Refusal);

        Assert.Equal(expected, await _account.Client.CloseAsync(OutTradeNo, CancellationToken.None));
        Assert.Equal(
            [$"POST /v3/pay/transactions/out-trade-no/{OutTradeNo}/close", $"GET /v3/pay/transactions/out-trade-no/{OutTradeNo}?mchid={TestAccount.MchId}"],
            _account.Handler.Requests.Select(r => $"{r.Method} {r.Uri.PathAndQuery}"));
    }

    [Fact]
    public async Task UnknownRefusal_OfAnUnpaidOrder_ClosesOnceMore()
    {
        var closes = 0;
        _account.Handler.Respond = request => request.Method == HttpMethod.Get
            ? new FakeAnswer(200, Transaction("NOTPAY"))
            : ++closes == 1 ? new FakeAnswer(400, Refusal) : new FakeAnswer(204, string.Empty);

        Assert.Equal(CloseOutcome.Closed, await _account.Client.CloseAsync(OutTradeNo, CancellationToken.None));
        Assert.Equal(3, _account.Handler.Requests.Count);
    }

    [Fact]
    public async Task UnknownRefusal_OfAnUnpaidOrder_RefusedAgain_IsTransient()
    {
        _account.Handler.Respond = request => request.Method == HttpMethod.Get
            ? new FakeAnswer(200, Transaction("NOTPAY"))
            : new FakeAnswer(400, Refusal);

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.CloseAsync(OutTradeNo, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("INVALID_REQUEST", error.Code);
    }

    [Fact]
    public async Task UnknownRefusal_WithAQueryAnswerSignedByAnotherKey_IsRejected()
    {
        using var forger = System.Security.Cryptography.RSA.Create(2048);
        _account.Handler.Respond = request => request.Method == HttpMethod.Get
            ? new FakeAnswer(200, Transaction("SUCCESS")) { Key = forger }
            : new FakeAnswer(400, Refusal);

        var error = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.CloseAsync(OutTradeNo, CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", error.Code);
    }

    private static string Transaction(string tradeState) => $$$"""
        {"appid":"{{{TestAccount.AppId}}}","mchid":"{{{TestAccount.MchId}}}","out_trade_no":"{{{OutTradeNo}}}","trade_state":"{{{tradeState}}}",
         "trade_state_desc":"x","amount":{"total":1999,"currency":"CNY"}}
        """;
}
