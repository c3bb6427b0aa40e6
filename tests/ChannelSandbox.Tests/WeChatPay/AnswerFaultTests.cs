using PayFunctions.Channels;
using PayFunctions.Domain;

namespace ChannelSandbox.Tests.WeChatPay;

public sealed class AnswerFaultTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task A_signature_error_fault_breaks_the_next_answer_only()
    {
        await SignedApi.ControlAsync(host, "/sandbox/wechat_pay/faults", new { kind = "signature_error" });

        using var broken = await Prepay.SendAsync(host, Prepay.Body(Prepay.NewOutTradeNo(), "https://merchant.example/notify"));
        using var sound = await Prepay.SendAsync(host, Prepay.Body(Prepay.NewOutTradeNo(), "https://merchant.example/notify"));

        Assert.False(Verifies(broken, await broken.Content.ReadAsByteArrayAsync()));
        Assert.True(Verifies(sound, await sound.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task The_adapter_rejects_an_answer_with_a_broken_signature()
    {
        using var account = new AdapterAccount(host);
        await SignedApi.ControlAsync(host, "/sandbox/wechat_pay/faults", new { kind = "signature_error" });

        var error = await Assert.ThrowsAsync<ChannelException>(() => account.Channel.PrepayAsync(
            new PrepayRequest(Prepay.NewOutTradeNo(), "wechat_pay.native", new Money(100, Currency.Cny), "goods", DateTimeOffset.UtcNow.AddMinutes(30), new Uri("https://merchant.example/notify"), null),
            CancellationToken.None));

        Assert.Equal("RESPONSE_SIGNATURE_INVALID", error.Code);
    }

    [Fact]
    public async Task A_payment_code_whose_answer_is_lost_is_answered_by_the_adapter_from_a_query()
    {
        using var account = new AdapterAccount(host, timeout: TimeSpan.FromSeconds(1));
        var outTradeNo = Prepay.NewOutTradeNo();
        await SignedApi.ControlAsync(host, "/sandbox/wechat_pay/faults", new { kind = "timeout", delay_ms = 3000 });

        var result = await account.Channel.PrepayAsync(
            new PrepayRequest(outTradeNo, "wechat_pay.payment_code", new Money(100, Currency.Cny), "goods", DateTimeOffset.UtcNow.AddMinutes(5), new Uri("https://merchant.example/notify"), null)
            {
                PaymentCode = "134567890123456789",
            },
            CancellationToken.None);

        Assert.Equal(PrepayStatus.Answered, result.Status);
        Assert.Equal(ChannelTradeState.Paying, result.Order!.State);
    }

    [Fact]
    public async Task An_unknown_fault_kind_is_refused()
    {
        var (status, body) = await SignedApi.ControlAsync(host, "/sandbox/wechat_pay/faults", new { kind = "meteor" });

        Assert.Equal(400, status);
        Assert.Equal("INVALID_BODY", body.GetProperty("code").GetString());
    }

    private bool Verifies(HttpResponseMessage response, byte[] body) => host.Merchant.VerifiesPlatformSignature(
        response.Headers.GetValues("Wechatpay-Timestamp").Single(),
        response.Headers.GetValues("Wechatpay-Nonce").Single(),
        response.Headers.GetValues("Wechatpay-Signature").Single(),
        body);
}
