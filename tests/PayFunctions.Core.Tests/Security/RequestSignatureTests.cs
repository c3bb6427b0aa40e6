using System.Text;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Security;
using PayFunctions.Core.Tests.Storage;

namespace PayFunctions.Core.Tests.Security;

[Collection(AzuriteCollection.Name)]
public sealed class RequestSignatureTests(AzuriteFixture azurite)
{
    private const string Body = """{"amount":100,"currency":"cny"}""";
    private const string Path = "/api/v1/payments";
    private readonly SecurityHarness harness = new(azurite.Storage);

    [Fact]
    public async Task ASignedRequest_IsAdmitted_AndItsBodyIsStillThereForTheHandler()
    {
        var (_, key) = await harness.MerchantWithIssuedKeyAsync(null, signatureRequired: true);

        var (status, _, http) = await harness.AdmitAsync(ApiRoutes.CreatePayment, key.Secret, Signed(key, Body, Now));

        Assert.Equal(200, status);
        Assert.Equal(Body, Encoding.UTF8.GetString(await RequestBody.ReadBytesAsync(http.Request, CancellationToken.None) ?? []));
    }

    [Fact]
    public async Task AKeyThatRequiresSigning_RefusesAnUnsignedRequest_AndATokenMadeFromIt()
    {
        var (merchantId, key) = await harness.MerchantWithIssuedKeyAsync(null, signatureRequired: true);
        var token = await harness.Tokens.IssueAsync(merchantId, key.Key.Id, new HashSet<string> { ApiScopes.Payments }, CancellationToken.None);

        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.CreatePayment, key.Secret, r => WithBody(r, Body))).Status);
        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.CreatePayment, token, r => WithBody(r, Body))).Status);
    }

    [Fact]
    public async Task AnAlteredBody_Path_OrMethod_IsRefused()
    {
        var (_, key) = await harness.MerchantWithIssuedKeyAsync(null, signatureRequired: false);
        var signature = RequestSignature.Compute(key.SigningSecret, Now, "POST", Path, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.CreatePayment, key.Secret, r => Prepare(r, "POST", Path, Body.Replace("100", "900", StringComparison.Ordinal), Now, signature))).Status);
        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.CreatePayment, key.Secret, r => Prepare(r, "POST", "/api/v1/refunds", Body, Now, signature))).Status);
        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.CreatePayment, key.Secret, r => Prepare(r, "PUT", Path, Body, Now, signature))).Status);
    }

    [Fact]
    public async Task AnOldSignature_IsRefused_AndOneSeenAlready_IsRefusedTheSecondTime()
    {
        var (_, key) = await harness.MerchantWithIssuedKeyAsync(null, signatureRequired: true);
        var stale = Now - (long)RequestSignature.Tolerance.TotalSeconds - 1;

        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.CreatePayment, key.Secret, Signed(key, Body, stale))).Status);
        Assert.Equal(200, (await harness.AdmitAsync(ApiRoutes.CreatePayment, key.Secret, Signed(key, Body, Now))).Status);
        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.CreatePayment, key.Secret, Signed(key, Body, Now))).Status);
    }

    [Fact]
    public async Task SigningIsOptional_ForAKeyThatDoesNotRequireIt_ButAWrongSignatureIsStillRefused()
    {
        var (_, key) = await harness.MerchantWithIssuedKeyAsync(null, signatureRequired: false);

        Assert.Equal(200, (await harness.AdmitAsync(ApiRoutes.CreatePayment, key.Secret, r => WithBody(r, Body))).Status);
        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.CreatePayment, key.Secret, r => Prepare(r, "POST", Path, Body, Now, new string('0', 64)))).Status);
        Assert.Equal(401, (await harness.AdmitAsync(ApiRoutes.CreatePayment, key.Secret, r => WithBody(r, Body, $"t={Now},v1=zz"))).Status);
    }

    private long Now => harness.Time.GetUtcNow().ToUnixTimeSeconds();

    private static Action<HttpRequest> Signed(IssuedKey key, string body, long timestamp) =>
        r => Prepare(r, "POST", Path, body, timestamp, RequestSignature.Compute(key.SigningSecret, timestamp, "POST", Path, Encoding.UTF8.GetBytes(body)));

    private static void Prepare(HttpRequest request, string method, string path, string body, long timestamp, string signature)
    {
        request.Method = method;
        request.Path = path;
        WithBody(request, body, $"t={timestamp},v1={signature}");
    }

    private static void WithBody(HttpRequest request, string body, string? signatureHeader = null)
    {
        request.Method = string.IsNullOrEmpty(request.Method) ? "POST" : request.Method;
        request.Path = request.Path.HasValue ? request.Path : Path;
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (signatureHeader is not null)
        {
            request.Headers[RequestSignature.Header] = signatureHeader;
        }
    }
}
