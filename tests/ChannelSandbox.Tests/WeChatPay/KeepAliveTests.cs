using System.Net.Sockets;

namespace ChannelSandbox.Tests.WeChatPay;

public sealed class KeepAliveTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task A_204_close_keeps_the_connection_for_the_next_call()
    {
        var connections = 0;
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = host.Client.BaseAddress };
        var outTradeNo = await Prepay.PlaceAsync(host);

        using var close = await client.SendAsync(host.Merchant.SignedRequest(
            HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{outTradeNo}/close", $$"""{"mchid":"{{SandboxHost.MchId}}"}"""));
        using var query = await client.SendAsync(host.Merchant.SignedRequest(
            HttpMethod.Get, $"/v3/pay/transactions/out-trade-no/{outTradeNo}?mchid={SandboxHost.MchId}"));

        Assert.Equal(204, (int)close.StatusCode);
        Assert.Equal(200, (int)query.StatusCode);
        Assert.Equal(1, connections);
        Assert.True(host.Merchant.VerifiesPlatformSignature(
            close.Headers.GetValues("Wechatpay-Timestamp").Single(), close.Headers.GetValues("Wechatpay-Nonce").Single(),
            close.Headers.GetValues("Wechatpay-Signature").Single(), []));
    }
}
