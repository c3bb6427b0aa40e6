using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PayFunctions.Core.Orchestration;

namespace PayFunctions.Infra.Tests.FunctionApp;

/// <summary>
/// The Functions host resolves <c>%name%</c> in host.json and trigger connections as configuration
/// keys, where an app setting <c>A__B</c> becomes the key <c>A:B</c>. Each must be provisioned under
/// that key, or the host retries forever or the trigger never binds.
/// </summary>
public sealed partial class HostSettingsTests
{
    private static readonly IReadOnlyDictionary<string, string?> Configuration = ProvisionedSettings.AsConfiguration();

    // Where an identity-based connection named N is read from (Azure Functions "connections" docs).
    private static readonly string[] IdentityConnectionKeys = ["accountName", "queueServiceUri", "serviceUri", "fullyQualifiedNamespace"];

    [Fact]
    public void Every_name_host_json_resolves_is_a_provisioned_configuration_key()
    {
        var names = Placeholder().Matches(FunctionAppBuild.HostJson.ToJsonString()).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(
            Configuration.ContainsKey(name),
            $"host.json reads %{name}%, but no app setting becomes that key (a setting A__B is read as A:B)"));
    }

    [Fact]
    public void The_host_and_the_worker_read_the_same_task_hub_setting()
    {
        var hubName = (string?)FunctionAppBuild.HostJson["extensions"]!["durableTask"]!["hubName"];

        Assert.Equal($"%{DurableOptions.SectionName}:{nameof(DurableOptions.TaskHub)}%", hubName);
    }

    [Fact]
    public void Every_trigger_connection_is_provisioned()
    {
        var connections = FunctionAppBuild.Functions
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Select(b => (string?)b!["connection"])
            .OfType<string>()
            .Distinct()
            .ToList();

        Assert.NotEmpty(connections);
        Assert.All(connections, connection => Assert.True(
            Configuration.ContainsKey(connection) || IdentityConnectionKeys.Any(k => Configuration.ContainsKey($"{connection}:{k}")),
            $"the connection {connection} has neither a connection string nor an identity-based setting"));
    }

    [Fact]
    public void Durable_polls_idle_queues_often_enough_for_payments_to_expire_on_time()
    {
        // The Azure Storage backend backs off to 30 s on idle queues by default; a durable timer (a
        // payment's expiry) then fires up to that late.
        var storage = FunctionAppBuild.HostJson["extensions"]!["durableTask"]!["storageProvider"]!;
        var interval = TimeSpan.Parse((string)storage["maxQueuePollingInterval"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(interval, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Orchestrations_keep_their_history_in_memory_between_episodes()
    {
        // Without extended sessions every episode of a payment (start, prepay result, notification)
        // reads the instance's whole history back from the History table before replaying it.
        var durable = FunctionAppBuild.HostJson["extensions"]!["durableTask"]!;

        Assert.True((bool?)durable["extendedSessionsEnabled"]);
        Assert.InRange((int?)durable["extendedSessionIdleTimeoutInSeconds"] ?? 0, 10, 60);
    }

    [GeneratedRegex("%([^%\"]+)%")]
    private static partial Regex Placeholder();
}
