using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ChannelSandbox.Tests;

public sealed class WebhookSinkTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task The_sink_refuses_as_told_then_accepts_and_lists_everything_newest_last()
    {
        var sink = "/sandbox/webhooks/merchant-" + Guid.NewGuid().ToString("N");
        using var behaviour = await host.Client.PutAsJsonAsync(sink + "/behaviour", new { fail_next = 1, status = 503 });

        using var refused = await host.Client.PostAsync(sink, new StringContent("""{"n":1}""", Encoding.UTF8, "application/json"));
        using var accepted = await host.Client.PostAsync(sink, new StringContent("""{"n":2}""", Encoding.UTF8, "application/json"));
        var received = await host.Client.GetFromJsonAsync<JsonElement>(sink);

        Assert.Equal(200, (int)behaviour.StatusCode);
        Assert.Equal(503, (int)refused.StatusCode);
        Assert.Equal(200, (int)accepted.StatusCode);
        Assert.Equal(["""{"n":1}""", """{"n":2}"""], received.EnumerateArray().Select(webhook => webhook.GetProperty("body").GetString()));
        Assert.Equal([503, 200], received.EnumerateArray().Select(webhook => webhook.GetProperty("status").GetInt32()));
    }
}
