using System.Net.Http.Json;
using System.Text.Json;

namespace ChannelSandbox.Tests.Faults;

public sealed class FaultValidationTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Theory]
    [InlineData("""{"failure_rate": 1.5}""")]
    [InlineData("""{"failure_rate": -0.1}""")]
    [InlineData("""{"spike_rate": 2}""")]
    [InlineData("""{"error_status": 404}""")]
    [InlineData("""{"error_status": 600}""")]
    [InlineData("""{"latency_ms": -1}""")]
    [InlineData("""{"spike_ms": 120001}""")]
    [InlineData("""{"latency_ms": 1.5}""")]
    [InlineData("""{"limit_count": -1}""")]
    [InlineData("""{"limit_path": "v3/pay"}""")]
    [InlineData("""{"limit_path": null}""")]
    [InlineData("""{"limit_status": 503}""")]
    [InlineData("""{"limit_status": 200}""")]
    [InlineData("""{"limit_body": "not json"}""")]
    [InlineData("""{"outage": "yes"}""")]
    [InlineData("""{"failure": 0.5}""")]
    [InlineData("""{"failure_rate": 0.5""")]
    [InlineData("""[1]""")]
    public async Task Bad_settings_are_refused_and_change_nothing(string json)
    {
        var profile = FaultApi.NewProfile();
        await FaultApi.SetAsync(host, profile, """{"failure_rate": 0}""");

        using var response = await FaultApi.PutAsync(host, profile, json);
        var statuses = await FaultApi.StatusesAsync(host, profile, 3);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("INVALID_BODY", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.All(statuses, status => Assert.Equal(200, status));
        Assert.Equal(0, (await FaultApi.GetAsync(host, profile)).GetProperty("settings").GetProperty("failure_rate").GetDouble());
    }

    [Fact]
    public async Task An_oversized_limit_body_is_refused()
    {
        var body = JsonSerializer.Serialize(new { limit_body = JsonSerializer.Serialize(new { code = new string('x', 5000) }) });

        using var response = await FaultApi.PutAsync(host, FaultApi.NewProfile(), body);

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("a_b")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    [InlineData("a%0A")]
    public async Task A_bad_profile_name_is_refused_by_every_control_call(string name)
    {
        using var put = await FaultApi.PutAsync(host, name, "{}");
        using var get = await host.Client.GetAsync($"/sandbox/faults/{name}");
        using var delete = await host.Client.DeleteAsync($"/sandbox/faults/{name}");

        Assert.Equal([400, 400, 400], new[] { (int)put.StatusCode, (int)get.StatusCode, (int)delete.StatusCode });
        Assert.Equal("INVALID_PROFILE", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_empty_body_sets_a_profile_without_faults()
    {
        var profile = FaultApi.NewProfile();

        using var response = await FaultApi.PutAsync(host, profile, "");
        var statuses = await FaultApi.StatusesAsync(host, profile, 3);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.All(statuses, status => Assert.Equal(200, status));
    }
}
