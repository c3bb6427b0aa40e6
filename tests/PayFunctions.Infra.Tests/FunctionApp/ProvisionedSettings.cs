using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PayFunctions.Infra.Tests.FunctionApp;

/// <summary>
/// The app settings of the compiled template as the deployed site sees them: literals as written,
/// parameters at their defaults, and values known only after deployment as samples of their shape.
/// </summary>
internal static partial class ProvisionedSettings
{
    // Resource names, endpoints and ids the deployment produces; each has the form Azure gives it.
    private static readonly Dictionary<string, string> DeploymentOutputs = new(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage__accountName"] = "stpayfunctionsabc123",
        ["AzureWebJobsStorage__clientId"] = "6f1c2a3b-0d4e-4f5a-9b8c-7d6e5f4a3b2c",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
            "InstrumentationKey=3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c;IngestionEndpoint=https://eastus-8.in.applicationinsights.azure.com/",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "ClientId=6f1c2a3b-0d4e-4f5a-9b8c-7d6e5f4a3b2c;Authorization=AAD",
        ["AZURE_CLIENT_ID"] = "6f1c2a3b-0d4e-4f5a-9b8c-7d6e5f4a3b2c",
        ["Storage__AccountName"] = "stpayfunctionsabc123",
        ["ChannelWork__ServiceBusNamespace"] = "sb-payfunctions-abc123.servicebus.windows.net",
        ["Secrets__KeyVaultUri"] = "https://kv-payfunctions-abc123.vault.azure.net/",
        ["Api__PublicBaseUrl"] = "https://func-api-abc123.azurewebsites.net",
    };

    /// <summary>Setting name to value, as App Service passes them to the worker's environment.</summary>
    public static IReadOnlyDictionary<string, string> AsEnvironment() =>
        Arm.AppSettings().ToDictionary(s => s.Key, s => Resolve(s.Key, s.Value));

    /// <summary>
    /// The configuration keys the host and the worker read: the environment-variable provider
    /// turns <c>__</c> into <c>:</c>, and keys compare without case.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> AsConfiguration() =>
        AsEnvironment().ToDictionary(s => ConfigurationKey(s.Key), s => (string?)s.Value, StringComparer.OrdinalIgnoreCase);

    public static string ConfigurationKey(string setting) => setting.Replace("__", ":", StringComparison.Ordinal);

    private static string Resolve(string name, JsonNode? value)
    {
        var text = (string?)value ?? throw new InvalidOperationException($"{name} is not a string");
        if (!text.StartsWith('['))
        {
            return text;
        }

        // A cell's parameter named as one of main.bicep's receives that parameter (CellTests checks the values).
        if (Parameter().Match(text) is { Success: true } parameter && Bicep.MainTemplate["parameters"]![parameter.Groups[1].Value] is { } declared)
        {
            return (string?)declared["defaultValue"]
                ?? throw new InvalidOperationException($"parameter {parameter.Groups[1].Value} has no default");
        }

        return DeploymentOutputs.TryGetValue(name, out var sample)
            ? sample
            : throw new InvalidOperationException($"{name} = {text} is computed at deployment: give it a sample value here");
    }

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex Parameter();
}
