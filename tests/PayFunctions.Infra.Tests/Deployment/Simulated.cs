using System.Text.Json.Nodes;

namespace PayFunctions.Infra.Tests.Deployment;

/// <summary>
/// What Azure returns for the runtime properties the templates read, in the shape Azure gives them,
/// each derived from the resource's name so that a value read from the wrong resource shows.
/// </summary>
internal static class Simulated
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000c0de";
    public const string TenantId = "00000000-0000-0000-0000-0000000be11e";

    public static JsonObject Subscription() => new()
    {
        ["id"] = ResourceIds.Subscription,
        ["subscriptionId"] = SubscriptionId,
        ["tenantId"] = TenantId,
    };

    /// <summary>The properties <c>reference()</c> returns for a deployed resource of these types.</summary>
    public static JsonObject RuntimeProperties(string type, string name) => type.ToLowerInvariant() switch
    {
        "microsoft.web/sites" => new() { ["defaultHostName"] = $"{name}.azurewebsites.net" },
        "microsoft.storage/storageaccounts" => new()
        {
            ["primaryEndpoints"] = new JsonObject
            {
                ["blob"] = $"https://{name}.blob.core.windows.net/",
                ["queue"] = $"https://{name}.queue.core.windows.net/",
                ["table"] = $"https://{name}.table.core.windows.net/",
            },
        },
        "microsoft.servicebus/namespaces" => new() { ["serviceBusEndpoint"] = $"https://{name}.servicebus.windows.net:443/" },
        "microsoft.managedidentity/userassignedidentities" => new()
        {
            ["clientId"] = $"client-id-of-{name}",
            ["principalId"] = $"principal-id-of-{name}",
        },
        "microsoft.keyvault/vaults" => new() { ["vaultUri"] = $"https://{name}.vault.azure.net/" },
        "microsoft.insights/components" => new() { ["ConnectionString"] = $"InstrumentationKey=ikey-of-{name};IngestionEndpoint=https://eastus-8.in.applicationinsights.azure.com/" },
        _ => throw new NotSupportedException($"runtime properties of {type} are not simulated"),
    };
}
