using System.Net.Http.Json;
using System.Text.Json;

namespace PayFunctions.RoutingSimulation;

/// <summary>Sets and reads the sandbox's fault profiles: one per strategy and account, named after the account.</summary>
public sealed class FaultControl(HttpClient sandbox)
{
    public static string Profile(string strategy, string letter) => $"{strategy}-{letter}";

    public async Task ApplyAsync(FaultChange change, IEnumerable<string> strategies, CancellationToken cancellationToken)
    {
        foreach (var strategy in strategies)
        {
            using var response = await sandbox.PutAsJsonAsync($"sandbox/faults/{Profile(strategy, change.Letter)}", change.Settings, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"Setting {Profile(strategy, change.Letter)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    /// <summary>What the channel side saw of one account: calls, injected failures, spikes, refusals past the limit.</summary>
    public async Task<ChannelSideCounts> CountsAsync(string strategy, string letter, CancellationToken cancellationToken)
    {
        var view = await sandbox.GetFromJsonAsync<JsonElement>($"sandbox/faults/{Profile(strategy, letter)}", cancellationToken);
        return new ChannelSideCounts(
            view.GetProperty("requests").GetInt64(),
            view.GetProperty("failures").GetInt64(),
            view.GetProperty("spikes").GetInt64(),
            view.GetProperty("limited").GetInt64());
    }
}

public sealed record ChannelSideCounts(long Requests, long Failures, long Spikes, long Limited);
