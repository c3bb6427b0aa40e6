using System.Net.Http.Json;
using System.Text.Json;

namespace ChannelSandbox.Tests.Faults;

public sealed class FaultPrefixTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task A_call_under_the_prefix_reaches_the_simulator_with_the_path_after_it()
    {
        var profile = FaultApi.NewProfile();
        var sink = "s-" + profile;
        await FaultApi.SetAsync(host, profile, "{}");

        var status = await FaultApi.PostSinkAsync(host, profile, sink);
        var received = await host.Client.GetFromJsonAsync<JsonElement>($"/sandbox/webhooks/{sink}");

        Assert.Equal(200, status);
        Assert.Equal(1, received.GetArrayLength());
        Assert.Equal(1, FaultApi.Counter(await FaultApi.GetAsync(host, profile), "requests"));
    }

    [Fact]
    public async Task An_unknown_profile_is_served_without_faults_but_counted()
    {
        var profile = FaultApi.NewProfile();

        using var health = await host.Client.GetAsync($"/faults/{profile}/health");
        var view = await FaultApi.GetAsync(host, profile);

        Assert.Equal(200, (int)health.StatusCode);
        Assert.Equal(1, FaultApi.Counter(view, "requests"));
        Assert.Equal(0, FaultApi.Counter(view, "failures"));
        Assert.False(view.TryGetProperty("settings", out _));
    }

    [Theory]
    [InlineData("/faults/UPPER/health")]
    [InlineData("/faults/a_b/health")]
    [InlineData("/faults/abcdefghijklmnopqrstuvwxyz0123456/health")]
    public async Task A_path_with_an_invalid_profile_name_is_not_rewritten(string path)
    {
        using var response = await host.Client.GetAsync(path);

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task Every_call_fails_with_an_empty_503_at_a_failure_rate_of_one_and_none_at_zero()
    {
        var failing = FaultApi.NewProfile();
        var healthy = FaultApi.NewProfile();
        await FaultApi.SetAsync(host, failing, """{"failure_rate": 1}""");
        await FaultApi.SetAsync(host, healthy, """{"failure_rate": 0}""");

        using var failed = await host.Client.GetAsync($"/faults/{failing}/health");
        var healthyStatuses = await FaultApi.StatusesAsync(host, healthy, 5);

        Assert.Equal(503, (int)failed.StatusCode);
        Assert.Empty(await failed.Content.ReadAsByteArrayAsync());
        Assert.All(healthyStatuses, status => Assert.Equal(200, status));
        Assert.Equal(1, FaultApi.Counter(await FaultApi.GetAsync(host, failing), "failures"));
    }

    [Fact]
    public async Task A_failure_rate_fails_about_that_share_with_the_chosen_status_and_counts_each()
    {
        var profile = FaultApi.NewProfile();
        await FaultApi.SetAsync(host, profile, """{"failure_rate": 0.3, "error_status": 502, "seed": 11}""");

        var statuses = await FaultApi.StatusesAsync(host, profile, 200);
        var view = await FaultApi.GetAsync(host, profile);

        var failed = statuses.Count(status => status == 502);
        Assert.Equal(200, failed + statuses.Count(status => status == 200));
        Assert.InRange(failed, 40, 80);
        Assert.Equal(failed, FaultApi.Counter(view, "failures"));
        Assert.Equal(200, FaultApi.Counter(view, "requests"));
    }

    [Fact]
    public async Task The_same_seed_plays_the_same_faults_for_the_same_calls()
    {
        var first = FaultApi.NewProfile();
        var second = FaultApi.NewProfile();
        const string settings = """{"failure_rate": 0.5, "seed": 42}""";
        await FaultApi.SetAsync(host, first, settings);
        await FaultApi.SetAsync(host, second, settings);

        var firstRun = await FaultApi.StatusesAsync(host, first, 40);
        var secondRun = await FaultApi.StatusesAsync(host, second, 40);
        await FaultApi.SetAsync(host, first, settings);
        var replayed = await FaultApi.StatusesAsync(host, first, 40);

        Assert.Equal(firstRun, secondRun);
        Assert.Equal(firstRun, replayed);
        Assert.Contains(503, firstRun);
        Assert.Contains(200, firstRun);
    }

    [Fact]
    public async Task An_outage_fails_every_call_until_it_is_cleared()
    {
        var profile = FaultApi.NewProfile();
        await FaultApi.SetAsync(host, profile, """{"outage": true}""");

        var during = await FaultApi.StatusesAsync(host, profile, 5);
        await FaultApi.SetAsync(host, profile, """{"outage": false}""");
        var after = await FaultApi.StatusesAsync(host, profile, 5);

        Assert.All(during, status => Assert.Equal(503, status));
        Assert.All(after, status => Assert.Equal(200, status));
        var view = await FaultApi.GetAsync(host, profile);
        Assert.Equal(10, FaultApi.Counter(view, "requests"));
        Assert.Equal(5, FaultApi.Counter(view, "failures"));
    }

    [Fact]
    public async Task A_limit_refuses_matching_calls_past_its_count_with_a_403_and_lets_others_through()
    {
        var profile = FaultApi.NewProfile();
        var sink = "s-" + profile;
        await FaultApi.SetAsync(host, profile, """{"limit_count": 2, "limit_path": "/sandbox/webhooks/"}""");

        int[] sinkStatuses = [await FaultApi.PostSinkAsync(host, profile, sink), await FaultApi.PostSinkAsync(host, profile, sink), await FaultApi.PostSinkAsync(host, profile, sink)];
        using var refused = await host.Client.PostAsync($"/faults/{profile}/sandbox/webhooks/{sink}", null);
        var unmatched = await FaultApi.StatusesAsync(host, profile, 3);

        Assert.Equal([200, 200, 403], sinkStatuses);
        Assert.Equal(403, (int)refused.StatusCode);
        Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("LIMIT_EXCEEDED", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.All(unmatched, status => Assert.Equal(200, status));
        Assert.Equal(2, (await host.Client.GetFromJsonAsync<JsonElement>($"/sandbox/webhooks/{sink}")).GetArrayLength());
        var view = await FaultApi.GetAsync(host, profile);
        Assert.Equal(2, FaultApi.Counter(view, "limited"));
        Assert.Equal(2, FaultApi.Counter(view, "limit_used"));
        Assert.Equal(7, FaultApi.Counter(view, "requests"));
    }

    [Fact]
    public async Task A_limit_keeps_its_count_when_the_profile_changes_and_answers_the_chosen_refusal()
    {
        var profile = FaultApi.NewProfile();
        await FaultApi.SetAsync(host, profile, """{"limit_count": 1}""");
        var before = await FaultApi.StatusesAsync(host, profile, 1);
        await FaultApi.SetAsync(host, profile, """{"limit_count": 1, "limit_status": 429, "limit_body": "{\"error\":\"daily\"}"}""");

        using var refused = await host.Client.GetAsync($"/faults/{profile}/health");

        Assert.Equal([200], before);
        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Equal("daily", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("""{"spike_rate": 1, "spike_ms": 60000}""", 1)]
    [InlineData("""{"latency_ms": 60000}""", 0)]
    public async Task A_latency_or_a_spike_holds_the_answer_past_the_clients_patience_and_a_spike_is_counted(string settings, int spikes)
    {
        var profile = FaultApi.NewProfile();
        await FaultApi.SetAsync(host, profile, settings);
        using var impatient = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync($"/faults/{profile}/health"));

        Assert.Equal(spikes, FaultApi.Counter(await FaultApi.GetAsync(host, profile), "spikes"));
    }

    [Fact]
    public async Task A_spike_rate_spikes_about_that_share_of_calls()
    {
        var profile = FaultApi.NewProfile();
        await FaultApi.SetAsync(host, profile, """{"spike_rate": 0.25, "spike_ms": 1, "seed": 3}""");

        await FaultApi.StatusesAsync(host, profile, 100);

        Assert.InRange(FaultApi.Counter(await FaultApi.GetAsync(host, profile), "spikes"), 10, 40);
    }

    [Fact]
    public async Task The_profile_shows_its_settings_and_deleting_it_forgets_it()
    {
        var profile = FaultApi.NewProfile();
        await FaultApi.SetAsync(host, profile, """{"failure_rate": 0.25, "latency_ms": 5, "seed": 9}""");

        var view = await FaultApi.GetAsync(host, profile);
        using var deleted = await host.Client.DeleteAsync($"/sandbox/faults/{profile}");
        using var gone = await host.Client.GetAsync($"/sandbox/faults/{profile}");
        using var deletedAgain = await host.Client.DeleteAsync($"/sandbox/faults/{profile}");

        Assert.Equal(profile, view.GetProperty("profile").GetString());
        Assert.Equal(0.25, view.GetProperty("settings").GetProperty("failure_rate").GetDouble());
        Assert.Equal(5, view.GetProperty("settings").GetProperty("latency_ms").GetInt32());
        Assert.Equal(9, view.GetProperty("settings").GetProperty("seed").GetInt32());
        Assert.Equal(204, (int)deleted.StatusCode);
        Assert.Equal(404, (int)gone.StatusCode);
        Assert.Equal(404, (int)deletedAgain.StatusCode);
    }
}
