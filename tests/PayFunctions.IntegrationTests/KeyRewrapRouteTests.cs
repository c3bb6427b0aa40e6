using System.Net;

namespace PayFunctions.IntegrationTests;

/// <summary>The operator's re-wrap route: operators only; without a rotation it finds everything current and writes nothing.</summary>
[Collection(PlatformCollection.Name)]
public sealed class KeyRewrapRouteTests(PlatformFixture platform)
{
    private readonly Scenario scenario = new(platform);

    [Theory]
    [InlineData(PlatformFixture.DemoApiKey, HttpStatusCode.Forbidden, "insufficient_scope")]
    [InlineData("", HttpStatusCode.Unauthorized, "api_key_invalid")]
    public async Task WithoutAnOperatorKey_IsRefused(string key, HttpStatusCode expected, string code)
    {
        using var request = platform.Request(HttpMethod.Post, "api/ops/key_rewraps", key);

        var (status, problem, _) = await scenario.SendAsync(request);

        Assert.Equal(expected, status);
        Assert.Equal(code, (string?)problem["code"]);
    }

    [Fact]
    public async Task WithoutARotation_EverythingSealedOpens_IsCurrent_AndNothingIsWritten()
    {
        using var request = platform.Request(HttpMethod.Post, "api/ops/key_rewraps", PlatformFixture.OperatorKey);

        var (status, report, _) = await scenario.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((long)report["scanned"]! >= 1, report.ToJsonString());
        Assert.Equal((long)report["scanned"]!, (long)report["already_current"]!);
        Assert.Equal((0L, 0L, 0L), ((long)report["rewrapped"]!, (long)report["changed_meanwhile"]!, (long)report["failed"]!));
    }
}
