using System.Text.Json.Nodes;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Operators;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Security;

namespace PayFunctions.Infra.Tests;

/// <summary>Runs the post-provision hook against a stand-in <c>az</c> that records its calls.</summary>
public sealed class SeedKeyVaultHookTests : IDisposable
{
    // What each channel declares for its account "main", so the hook and the channels cannot drift apart.
    private static readonly string[] ChannelSecrets =
    [
        .. ChannelRegistry.ChannelNames.SelectMany(c => ChannelRegistry.Module(c).Capabilities.SecretNames.Select(s => ChannelRegistry.SecretName(c, "main", s))),
    ];
    // The names the app reads, so the hook and the code cannot drift apart.
    private static readonly string[] GeneratedSecrets = [ApiKeyHasher.PepperSecretName, OperatorStore.BootstrapKeySecretName, SecretEnvelope.KeySecretName, TokenSigningKeys.SecretName];

    private readonly string directory = Directory.CreateTempSubdirectory("seed-hook-").FullName;

    private string CallLog => Path.Combine(directory, "calls");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Creates_only_the_missing_secrets()
    {
        var result = RunHook(existingSecrets: ChannelSecrets[0] + "\nmerchant-m1-webhook-secret", listFailures: 0);

        Assert.Equal(0, result.ExitCode);
        var sets = SetCalls();
        Assert.Equal(ChannelSecrets.Skip(1).Concat(GeneratedSecrets).Order(StringComparer.Ordinal), sets.Order(StringComparer.Ordinal));
        Assert.All(File.ReadAllLines(CallLog).Where(c => c.StartsWith("keyvault secret set", StringComparison.Ordinal)), c => Assert.Contains("--vault-name kv-test", c, StringComparison.Ordinal));
    }

    [Fact]
    public void The_provision_lists_every_channel_and_secret_the_code_declares()
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Bicep.InfraPath("channels.json")))!.AsArray();

        Assert.Equal(
            ChannelRegistry.ChannelNames.Order(StringComparer.Ordinal),
            catalog.Select(c => (string)c!["name"]!).Order(StringComparer.Ordinal));
        Assert.All(catalog, c => Assert.Equal(
            ChannelRegistry.Module((string)c!["name"]!).Capabilities.SecretNames,
            c!["secrets"]!.AsArray().Select(s => (string)s!)));
        Assert.Equal(
            "[join(variables('channelSecretNames'), ' ')]",
            (string?)Bicep.MainTemplate["outputs"]!["CHANNEL_SECRET_NAMES"]!["value"]);
    }

    [Fact]
    public void Leaves_a_fully_loaded_vault_alone()
    {
        var result = RunHook(existingSecrets: string.Join('\n', ChannelSecrets.Concat(GeneratedSecrets)), listFailures: 0);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(SetCalls());
    }

    [Fact]
    public void Waits_for_the_role_assignment_to_reach_the_vault()
    {
        var result = RunHook(existingSecrets: "", listFailures: 2);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ChannelSecrets.Concat(GeneratedSecrets).Order(), SetCalls().Order());
    }

    [Fact]
    public void Generates_distinct_random_values_for_the_platforms_own_secrets()
    {
        RunHook(existingSecrets: "", listFailures: 0);

        var values = File.ReadAllLines(CallLog)
            .Where(c => GeneratedSecrets.Any(g => c.Contains("--name " + g + " ", StringComparison.Ordinal)))
            .Select(c => c.Split("--value ")[1].Split(' ')[0])
            .ToList();
        Assert.Equal(GeneratedSecrets.Length, values.Count);
        Assert.All(values, v => Assert.True(Convert.FromBase64String(v).Length == 32, v));
        Assert.Equal(values.Count, values.Distinct().Count());
    }

    [Fact]
    public void Fails_when_the_vault_never_becomes_readable()
    {
        var result = RunHook(existingSecrets: "", listFailures: 100);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(SetCalls());
    }

    [Fact]
    public void Skips_a_private_vault()
    {
        var result = RunHook(existingSecrets: "", listFailures: 0, vnetEnabled: true);

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(CallLog));
    }

    private List<string> SetCalls() =>
        File.Exists(CallLog)
            ? [.. File.ReadAllLines(CallLog).Where(c => c.StartsWith("keyvault secret set", StringComparison.Ordinal)).Select(c => c.Split("--name ")[1].Split(' ')[0])]
            : [];

    private CliResult RunHook(string existingSecrets, int listFailures, bool vnetEnabled = false)
    {
        var fakeAz = Path.Combine(directory, "az");
        File.WriteAllText(Path.Combine(directory, "existing"), existingSecrets + "\n");
        File.WriteAllText(Path.Combine(directory, "failures"), listFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(fakeAz, $$"""
            #!/bin/sh
            echo "$*" >> '{{CallLog}}'
            case "$*" in
              "keyvault secret list"*)
                left=$(cat '{{directory}}/failures')
                if [ "$left" -gt 0 ]; then echo $((left - 1)) > '{{directory}}/failures'; echo "Forbidden" >&2; exit 1; fi
                cat '{{directory}}/existing' ;;
            esac
            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(fakeAz, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        return Hook.Run("seed-key-vault.sh", directory, new Dictionary<string, string>
        {
            ["AZURE_KEY_VAULT_NAME"] = "kv-test",
            ["CHANNEL_SECRET_NAMES"] = string.Join(' ', ChannelSecrets),
            ["VNET_ENABLED"] = vnetEnabled ? "true" : "false",
            ["SEED_KEY_VAULT_ATTEMPTS"] = "4",
            ["SEED_KEY_VAULT_DELAY_SECONDS"] = "0",
        });
    }
}
