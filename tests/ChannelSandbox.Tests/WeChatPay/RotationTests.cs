using System.Security.Cryptography;
using System.Text;

namespace ChannelSandbox.Tests.WeChatPay;

/// <summary>Rotation is global to the sandbox, so these tests run on a sandbox of their own.</summary>
public sealed class RotationTests : IAsyncLifetime
{
    private readonly SandboxHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task After_a_rotation_answers_are_signed_by_both_keys_in_turn_each_naming_its_serial()
    {
        var (status, rotated) = await SignedApi.ControlAsync(_host, "/sandbox/wechat_pay/platform-keys/rotate");
        var keys = rotated.GetProperty("keys").EnumerateArray()
            .ToDictionary(key => key.GetProperty("serial").GetString()!, key => key.GetProperty("public_key").GetString()!);

        var serials = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await _host.Client.SendAsync(_host.Merchant.SignedRequest(HttpMethod.Post, "/v3/pay/transactions/native", Prepay.Body(Prepay.NewOutTradeNo(), "https://merchant.example/notify")));
            var body = await response.Content.ReadAsByteArrayAsync();
            var serial = response.Headers.GetValues("Wechatpay-Serial").Single();
            Assert.True(Verifies(keys[serial], response, body));
            serials.Add(serial);
        }

        Assert.Equal(200, status);
        Assert.Equal(SandboxHost.PlatformSerial + ",PUB_KEY_ID_0119000001092026000000000001", rotated.GetProperty("platform_serial_no").GetString());
        Assert.Equal(2, serials.Distinct().Count());
        Assert.Equal(
            keys.Values.Aggregate(string.Empty, (pem, key) => pem + key + "\n"),
            rotated.GetProperty("platform_public_key").GetString());
    }

    [Fact]
    public async Task After_retiring_the_first_key_only_the_new_one_signs()
    {
        await SignedApi.ControlAsync(_host, "/sandbox/wechat_pay/platform-keys/rotate");
        var (_, retired) = await SignedApi.ControlAsync(_host, "/sandbox/wechat_pay/platform-keys/retire");

        using var first = await _host.Client.SendAsync(_host.Merchant.SignedRequest(HttpMethod.Get, $"/v3/pay/transactions/out-trade-no/x123456?mchid={SandboxHost.MchId}"));
        using var second = await _host.Client.SendAsync(_host.Merchant.SignedRequest(HttpMethod.Get, $"/v3/pay/transactions/out-trade-no/x123456?mchid={SandboxHost.MchId}"));

        Assert.Equal("PUB_KEY_ID_0119000001092026000000000001", retired.GetProperty("platform_serial_no").GetString());
        Assert.Equal("PUB_KEY_ID_0119000001092026000000000001", first.Headers.GetValues("Wechatpay-Serial").Single());
        Assert.Equal("PUB_KEY_ID_0119000001092026000000000001", second.Headers.GetValues("Wechatpay-Serial").Single());
    }

    private static bool Verifies(string publicKeyPem, HttpResponseMessage response, byte[] body)
    {
        using var key = RSA.Create();
        key.ImportFromPem(publicKeyPem);
        var message = Encoding.UTF8.GetBytes(
            response.Headers.GetValues("Wechatpay-Timestamp").Single() + "\n" + response.Headers.GetValues("Wechatpay-Nonce").Single() + "\n")
            .Concat(body).Append((byte)'\n').ToArray();
        return key.VerifyData(message, Convert.FromBase64String(response.Headers.GetValues("Wechatpay-Signature").Single()), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
