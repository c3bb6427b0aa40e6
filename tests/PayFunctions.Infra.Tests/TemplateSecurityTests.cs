using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PayFunctions.Core.Channels;

namespace PayFunctions.Infra.Tests;

public partial class TemplateSecurityTests
{
    private static readonly IReadOnlyList<ArmResource> Resources = [.. Arm.AllResources(Bicep.MainTemplate)];

    private static ArmResource Single(string type) => Assert.Single(Resources.OfType(type));

    [Fact]
    public void Function_app_is_https_only_with_tls_1_2_and_no_ftp_or_basic_publishing()
    {
        var site = Single("Microsoft.Web/sites").Properties!;

        Assert.True((bool)site["httpsOnly"]!);
        Assert.Equal("1.2", (string?)site["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("1.2", (string?)site["siteConfig"]!["scmMinTlsVersion"]);
        Assert.Equal("Disabled", (string?)site["siteConfig"]!["ftpsState"]);
        var policies = Resources.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(["'ftp'", "'scm'"], policies.Select(p => PolicyName().Match(p.Name).Value).Order());
        Assert.All(policies, p => Assert.False((bool)p.Properties!["allow"]!));
    }

    [Fact]
    public void Function_app_runs_dotnet_10_isolated_on_both_plans()
    {
        var site = Single("Microsoft.Web/sites").Properties!;
        var flexRuntime = Arm.Text(site["functionAppConfig"]);

        Assert.Contains("'name', 'dotnet-isolated'", flexRuntime, StringComparison.Ordinal);
        Assert.Contains("'version', '10.0'", flexRuntime, StringComparison.Ordinal);
        Assert.Contains("DOTNET-ISOLATED|10.0", Arm.Text(site["siteConfig"]!["linuxFxVersion"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Function_app_and_its_package_deployment_use_the_user_assigned_identity()
    {
        var site = Single("Microsoft.Web/sites");
        var identity = site.Resource["identity"]!;

        Assert.Equal("UserAssigned", (string?)identity["type"]);
        Assert.Contains("parameters('identityId')", Arm.Text(identity["userAssignedIdentities"]), StringComparison.Ordinal);
        Assert.Equal("[parameters('identityId')]", (string?)site.Properties!["keyVaultReferenceIdentity"]);
        var deployment = Arm.Text(site.Properties["functionAppConfig"]);
        Assert.Contains("'type', 'UserAssignedIdentity', 'userAssignedIdentityResourceId', parameters('identityId')", deployment, StringComparison.Ordinal);
        Assert.True(Arm.ReadsModuleOutput((string?)Arm.Module("api").Parameter("identityId"), "identity", "resourceId"));
    }

    [Fact]
    public void Runtime_storage_monitoring_and_sdk_clients_authenticate_as_the_identity()
    {
        var settings = Arm.AppSettings();
        var clientId = (string?)settings["AZURE_CLIENT_ID"];

        Assert.True(Arm.ReadsModuleOutput(clientId, "identity", "clientId"));
        Assert.Equal(clientId, (string?)settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.True(Arm.ReadsModuleOutput((string?)settings["AzureWebJobsStorage__accountName"], "storage", "name"));
        var authentication = (string?)settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] ?? "";
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD', ", authentication, StringComparison.Ordinal);
        Assert.True(Arm.ReadsModuleOutput(authentication, "identity", "clientId"));
        Assert.True((bool)Single("Microsoft.Insights/components").Properties!["DisableLocalAuth"]!);
    }

    [Fact]
    public void No_key_or_connection_string_is_read_or_handed_out()
    {
        var text = Arm.Text(Bicep.MainTemplate);

        Assert.DoesNotMatch(ListFunction(), text);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessKey", text, StringComparison.OrdinalIgnoreCase);

        // The App Insights connection string only addresses the ingestion endpoint: with local auth
        // off it carries no credential, and the host cannot send telemetry without it.
        var names = Arm.AppSettings().Select(s => s.Key)
            .Concat(Bicep.MainTemplate["outputs"]!.AsObject().Select(o => o.Key))
            .Where(n => n != "APPLICATIONINSIGHTS_CONNECTION_STRING");
        Assert.DoesNotContain(names, n => n.Replace("_", "", StringComparison.Ordinal).Contains("ConnectionString", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("connectionstring", Arm.Text(Bicep.MainTemplate["outputs"]), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Storage_refuses_shared_keys_public_blobs_and_old_tls()
    {
        var storage = Single("Microsoft.Storage/storageAccounts").Properties!;

        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.False((bool)storage["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
        Assert.True((bool)storage["supportsHttpsTrafficOnly"]!);
    }

    [Fact]
    public void Key_vault_authorizes_with_rbac_and_cannot_be_purged()
    {
        var vault = Single("Microsoft.KeyVault/vaults").Properties!;

        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
        Assert.Null(vault["accessPolicies"]);
    }

    [Fact]
    public void Service_bus_takes_only_entra_tokens_and_each_channel_queue_dedupes_and_dead_letters()
    {
        var namespaceResource = Single("Microsoft.ServiceBus/namespaces");
        Assert.True((bool)namespaceResource.Properties!["disableLocalAuth"]!);
        Assert.DoesNotContain("Basic", Arm.Text(namespaceResource.Template["parameters"]!["sku"]!["allowedValues"]), StringComparison.Ordinal);

        var queue = Single("Microsoft.ServiceBus/namespaces/queues");
        Assert.Equal("[length(parameters('queueNames'))]", (string?)queue.Resource["copy"]!["count"]);
        Assert.True((bool)queue.Properties!["requiresDuplicateDetection"]!);
        Assert.True((bool)queue.Properties["deadLetteringOnMessageExpiration"]!);
        Assert.InRange((int)queue.Properties["maxDeliveryCount"]!, 3, 20);

        // The queue a channel's work goes to is named by the code; a queue missing here fails every send.
        // The catalog (infra/channels.json) is checked against the code by SeedKeyVaultHookTests.
        Assert.Equal("[parameters('channelQueueNames')]", (string?)Arm.Module("serviceBus").Parameter("queueNames"));
        Assert.Equal("[variables('channelQueueNames')]", (string?)Arm.Module("cells").Parameter("channelQueueNames"));
        var loop = Assert.Single(Bicep.MainTemplate["variables"]!["copy"]!.AsArray(), c => (string?)c!["name"] == "channelQueueNames")!;
        Assert.Equal("[format('channel-{0}', replace(variables('channelCatalog')[copyIndex('channelQueueNames')].name, '_', '-'))]", (string?)loop["input"]);
        Assert.Equal("channel-wechat-pay", ChannelWorkQueues.NameFor("wechat_pay"));
    }

    [Fact]
    public void Service_bus_private_endpoint_is_gated_on_premium()
    {
        var cell = Arm.Module("cells").NestedTemplate();
        var targets = cell["variables"]!["privateEndpointTargets"]!.AsArray();
        var serviceBus = Assert.Single(targets, t => (string?)t!["groupId"] == "namespace")!;
        var endpoints = Assert.Single(Resources.OfType("Microsoft.Resources/deployments"), d => d.Name.Contains("privateEndpointTargets", StringComparison.Ordinal));

        Assert.Equal("[equals(parameters('serviceBusSku'), 'Premium')]", (string?)serviceBus["enabled"]);
        Assert.Equal("[and(parameters('vnetEnabled'), variables('privateEndpointTargets')[copyIndex()].enabled)]", Assert.Single(endpoints.Conditions));
        Assert.All(targets.Where(t => (string?)t!["groupId"] != "namespace"), t => Assert.True((bool)t!["enabled"]!));
        Assert.Equal(["[parameters('vnetEnabled')]"], Arm.Module("privateEndpoint-vault").Conditions);
    }

    [Fact]
    public void Diagnostics_flow_from_app_service_bus_key_vault_and_storage_to_log_analytics()
    {
        var scopes = Resources.OfType("Microsoft.Insights/diagnosticSettings").Select(d => d.Scope ?? "").ToList();

        foreach (var type in new[] { "Microsoft.Web/sites", "Microsoft.ServiceBus/namespaces", "Microsoft.KeyVault/vaults", "Microsoft.Storage/storageAccounts", "/blobServices", "/queueServices", "/tableServices" })
        {
            Assert.Contains(scopes, s => s.Contains(type, StringComparison.Ordinal));
        }

        Assert.All(Resources.OfType("Microsoft.Insights/diagnosticSettings"), d => Assert.Equal("[parameters('logAnalyticsWorkspaceId')]", (string?)d.Properties!["workspaceId"]));
    }


    [GeneratedRegex(@"'(ftp|scm)'")]
    private static partial Regex PolicyName();

    [GeneratedRegex(@"\blist[A-Za-z]*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListFunction();
}
