using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ChannelSandbox.Tests.Faults;

/// <summary>Sets and reads fault profiles, and calls the webhook sink (any simulator would do) through a profile's prefix.</summary>
internal static class FaultApi
{
    public static string NewProfile() => "p-" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<HttpResponseMessage> PutAsync(SandboxHost host, string profile, string json) =>
        await host.Client.PutAsync($"/sandbox/faults/{profile}", new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task SetAsync(SandboxHost host, string profile, string json)
    {
        using var response = await PutAsync(host, profile, json);
        Assert.Equal(200, (int)response.StatusCode);
    }

    public static async Task<JsonElement> GetAsync(SandboxHost host, string profile) =>
        await host.Client.GetFromJsonAsync<JsonElement>($"/sandbox/faults/{profile}");

    /// <summary>Posts to a webhook sink through the prefix; returns the status.</summary>
    public static async Task<int> PostSinkAsync(SandboxHost host, string profile, string sink)
    {
        using var response = await host.Client.PostAsync($"/faults/{profile}/sandbox/webhooks/{sink}", new StringContent("{}", Encoding.UTF8, "application/json"));
        return (int)response.StatusCode;
    }

    public static async Task<int[]> StatusesAsync(SandboxHost host, string profile, int calls)
    {
        var statuses = new int[calls];
        for (var i = 0; i < calls; i++)
        {
            using var response = await host.Client.GetAsync($"/faults/{profile}/health");
            statuses[i] = (int)response.StatusCode;
        }

        return statuses;
    }

    public static long Counter(JsonElement view, string name) => view.GetProperty(name).GetInt64();
}
