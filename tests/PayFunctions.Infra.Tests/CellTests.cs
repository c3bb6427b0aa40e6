using System.Text.Json.Nodes;
using PayFunctions.Infra.Tests.Deployment;

namespace PayFunctions.Infra.Tests;

/// <summary>infra/main.bicep deployed on paper with several cells: what each cell gets, and what it may reach.</summary>
public class CellTests
{
    private const string Environment = "cells";
    private const string Location = "eastus";
    private const string Deployer = "deployer-principal";

    private static readonly string Token = ArmEvaluator.Hash([ResourceIds.Subscription, Environment, Location], 13);

    private static readonly SimulatedDeployment ThreeCells = Deploy(cellCount: 3);

    [Fact]
    public void Each_cell_gets_its_own_function_app_plan_identity_storage_account_and_service_bus_namespace()
    {
        foreach (var type in new[] { "Microsoft.Web/sites", "Microsoft.Web/serverfarms", "Microsoft.ManagedIdentity/userAssignedIdentities", "Microsoft.Storage/storageAccounts", "Microsoft.ServiceBus/namespaces" })
        {
            var names = ThreeCells.OfType(type).Select(r => r.Name).ToList();
            Assert.Equal(3, names.Count);
            Assert.Equal(3, names.Distinct().Count());
        }

        // Shared by the cells: the vault (its keys and the API-key pepper) and the monitoring.
        Assert.Single(ThreeCells.OfType("Microsoft.KeyVault/vaults"));
        Assert.Single(ThreeCells.OfType("Microsoft.Insights/components"));
        Assert.Single(ThreeCells.OfType("Microsoft.OperationalInsights/workspaces"));
        var channels = JsonNode.Parse(File.ReadAllText(Bicep.InfraPath("channels.json")))!.AsArray().Count;
        Assert.Equal(3 * channels, ThreeCells.OfType("Microsoft.ServiceBus/namespaces/queues").Count());
    }

    [Fact]
    public void Each_cells_app_reads_its_own_storage_task_hub_service_bus_and_address()
    {
        var cells = Cells(ThreeCells);

        Assert.Equal(3, cells.Count);
        Assert.Equal(ThreeCells.OfType("Microsoft.Storage/storageAccounts").Select(s => s.Name).Order(), cells.Select(c => c.Storage).Order());
        Assert.Equal(ThreeCells.OfType("Microsoft.ServiceBus/namespaces").Select(s => $"{s.Name}.servicebus.windows.net").Order(), cells.Select(c => c.ServiceBusHost).Order());
        Assert.Equal(ThreeCells.OfType("Microsoft.ManagedIdentity/userAssignedIdentities").Select(s => s.Name).Order(), cells.Select(c => c.Identity).Order());
        Assert.All(cells, c =>
        {
            // The host (and with it the Durable task hub) and the app's own tables use the cell's account.
            Assert.Equal(c.Storage, (string?)c.Settings["AzureWebJobsStorage__accountName"]);
            Assert.Equal($"client-id-of-{c.Identity}", (string?)c.Settings["AZURE_CLIENT_ID"]);
            Assert.Equal($"client-id-of-{c.Identity}", (string?)c.Settings["AzureWebJobsStorage__clientId"]);
            Assert.Equal($"https://{c.Site}.azurewebsites.net", (string?)c.Settings["Api__PublicBaseUrl"]);
            Assert.StartsWith($"https://{c.Storage}.blob.core.windows.net/app-package-", c.PackageContainer, StringComparison.Ordinal);
        });

        // A task hub is its name within its storage account: no two cells share one.
        Assert.Equal(3, cells.Select(c => (c.Storage, (string?)c.Settings["Durable__TaskHub"])).Distinct().Count());
        Assert.Single(cells.Select(c => (string?)c.Settings["Secrets__KeyVaultUri"]).Distinct());
    }

    [Fact]
    public void An_app_identity_reaches_only_its_own_cells_storage_and_service_bus()
    {
        var assignments = ThreeCells.OfType("Microsoft.Authorization/roleAssignments").ToList();
        var storageAccounts = ThreeCells.OfType("Microsoft.Storage/storageAccounts").Select(s => s.Name).ToHashSet();
        var namespaces = ThreeCells.OfType("Microsoft.ServiceBus/namespaces").Select(s => s.Name).ToHashSet();

        Assert.Equal(assignments.Count, assignments.Select(a => a.Name).Distinct().Count());
        foreach (var cell in Cells(ThreeCells))
        {
            var granted = assignments
                .Where(a => (string?)a.Properties!["principalId"] == $"principal-id-of-{cell.Identity}")
                .Select(a => ResourceIds.Parse(a.Scope!))
                .ToList();
            var storage = granted.Where(g => g.Type == "Microsoft.Storage/storageAccounts").Select(g => g.Name).ToList();
            var serviceBus = granted.Where(g => g.Type == "Microsoft.ServiceBus/namespaces").Select(g => g.Name).ToList();

            Assert.Equal([cell.Storage, cell.Storage, cell.Storage], storage);
            Assert.Equal([cell.ServiceBusHost.Split('.')[0], cell.ServiceBusHost.Split('.')[0]], serviceBus);
            Assert.Single(granted, g => g.Type == "Microsoft.KeyVault/vaults");
            Assert.Single(granted, g => g.Type == "Microsoft.Insights/components");
            Assert.Equal(7, granted.Count);
            Assert.Contains(cell.Storage, storageAccounts);
            Assert.Contains(cell.ServiceBusHost.Split('.')[0], namespaces);
        }

        var deployer = Assert.Single(assignments, a => (string?)a.Properties!["principalId"] == Deployer);
        Assert.Equal("Microsoft.KeyVault/vaults", ResourceIds.Parse(deployer.Scope!).Type);
    }

    [Fact]
    public void One_cell_keeps_the_names_the_deployment_had_before_cells()
    {
        var single = Deploy(cellCount: 1);

        Assert.Equal([$"func-api-{Token}"], single.OfType("Microsoft.Web/sites").Select(r => r.Name));
        Assert.Equal([$"plan-{Token}"], single.OfType("Microsoft.Web/serverfarms").Select(r => r.Name));
        Assert.Equal([$"id-api-{Token}"], single.OfType("Microsoft.ManagedIdentity/userAssignedIdentities").Select(r => r.Name));
        Assert.Equal([$"st{Token}"], single.OfType("Microsoft.Storage/storageAccounts").Select(r => r.Name));
        Assert.Equal([$"sb-{Token}"], single.OfType("Microsoft.ServiceBus/namespaces").Select(r => r.Name));
        Assert.Equal([$"kv-{Token}"], single.OfType("Microsoft.KeyVault/vaults").Select(r => r.Name));
        Assert.Equal($"func-api-{Token}", (string?)single.Output("AZURE_FUNCTION_APP_NAME"));
        Assert.Equal($"https://func-api-{Token}.azurewebsites.net", (string?)single.Output("SERVICE_API_URI"));
        Assert.Equal($"st{Token}", (string?)single.Output("AZURE_STORAGE_ACCOUNT_NAME"));
        Assert.Equal($"sb-{Token}.servicebus.windows.net", (string?)single.Output("AZURE_SERVICE_BUS_NAMESPACE"));

        // Role assignment names are guids of scope, principal and role: the same guids as before, so a
        // provision over an existing environment updates its assignments instead of failing on duplicates.
        var storageId = ResourceIds.ResourceId(["Microsoft.Storage/storageAccounts", $"st{Token}"], $"rg-{Environment}");
        var blobOwner = new Guid(Convert.FromHexString(ArmEvaluator.Hash([storageId, $"principal-id-of-id-api-{Token}", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"], 32))).ToString();
        Assert.Contains(blobOwner, single.OfType("Microsoft.Authorization/roleAssignments").Select(a => a.Name));
    }

    [Fact]
    public void One_cell_in_a_vnet_keeps_its_subnet_endpoints_and_dns_links()
    {
        var single = Deploy(cellCount: 1, vnetEnabled: true, serviceBusSku: "Premium");

        Assert.Equal(
            new[] { "blob", "queue", "table", "vault", "servicebus" }.Select(e => $"pe-{e}-{Token}").Order(),
            single.OfType("Microsoft.Network/privateEndpoints").Select(e => e.Name).Order());
        Assert.Equal(
            new[] { "blob", "queue", "table", "vault", "servicebus" }.Select(e => $"pe-{e}-{Token}-link").Order(),
            single.OfType("Microsoft.Network/privateDnsZones/virtualNetworkLinks").Select(l => l.Name.Split('/')[1]).Order());
        var subnets = Assert.Single(single.OfType("Microsoft.Network/virtualNetworks")).Properties!["subnets"]!.AsArray();
        Assert.Equal(["app:10.0.1.0/24", "private-endpoints:10.0.2.0/24"], subnets.Select(s => $"{s!["name"]}:{s["properties"]!["addressPrefix"]}"));
    }

    [Fact]
    public void Cells_in_a_vnet_each_integrate_through_their_own_subnet_and_register_in_shared_zones()
    {
        var deployment = Deploy(cellCount: 3, vnetEnabled: true, serviceBusSku: "Premium");
        var sites = deployment.OfType("Microsoft.Web/sites").Select(s => (string)s.Properties!["virtualNetworkSubnetId"]!).ToList();
        var subnets = Assert.Single(deployment.OfType("Microsoft.Network/virtualNetworks")).Properties!["subnets"]!.AsArray();
        var prefixes = subnets.Select(s => (string)s!["properties"]!["addressPrefix"]!).ToList();

        Assert.Equal(3, sites.Distinct().Count());
        Assert.All(sites, id => Assert.Contains(subnets, s => id.EndsWith($"/subnets/{s!["name"]}", StringComparison.Ordinal)));
        Assert.Equal(prefixes.Count, prefixes.Distinct().Count());
        // Each cell's storage (blob, queue, table) and Premium namespace, and the one vault.
        Assert.Equal(3 * 4 + 1, deployment.OfType("Microsoft.Network/privateEndpoints").Count());
        Assert.Equal(5, deployment.OfType("Microsoft.Network/privateDnsZones").Count());
        Assert.Equal(5, deployment.OfType("Microsoft.Network/privateDnsZones/virtualNetworkLinks").Count());
        var zoneIds = deployment.OfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups")
            .Select(g => ResourceIds.Parse((string)g.Properties!["privateDnsZoneConfigs"]![0]!["properties"]!["privateDnsZoneId"]!).Name)
            .ToHashSet();
        Assert.Equal(deployment.OfType("Microsoft.Network/privateDnsZones").Select(z => z.Name).ToHashSet(), zoneIds);
    }

    [Fact]
    public void Azd_deploys_to_cell_1_and_the_outputs_list_every_cell()
    {
        var tagged = Assert.Single(ThreeCells.OfType("Microsoft.Web/sites"), s => s.Evaluated("tags")?["azd-service-name"] is not null);
        var cells = Cells(ThreeCells);

        Assert.Equal($"func-api-{Token}", tagged.Name);
        Assert.Equal(tagged.Name, (string?)ThreeCells.Output("AZURE_FUNCTION_APP_NAME"));
        Assert.Equal(
            cells.Select(c => (string)c.Settings["Api__PublicBaseUrl"]!).Order(),
            ThreeCells.Output("CELL_API_BASE_URLS")!.AsArray().Select(u => (string)u!).Order());
        Assert.Equal(
            [$"func-api-{Token}", $"func-api-{Token}-c2", $"func-api-{Token}-c3"],
            ThreeCells.Output("CELL_FUNCTION_APP_NAMES")!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void Azd_sets_the_cell_count_within_its_bounds()
    {
        var parameter = Bicep.MainTemplate["parameters"]!["cellCount"]!;
        var supplied = JsonNode.Parse(File.ReadAllText(Bicep.InfraPath("main.parameters.json")))!["parameters"]!["cellCount"]!["value"];

        Assert.Equal(1, (int)parameter["defaultValue"]!);
        Assert.Equal(1, (int)parameter["minValue"]!);
        Assert.Equal("${CELL_COUNT=1}", (string?)supplied);

        // The largest count still fits the VNet: every cell's subnet distinct and inside 10.0.0.0/16.
        var most = Deploy(cellCount: (int)parameter["maxValue"]!, vnetEnabled: true);
        var prefixes = Assert.Single(most.OfType("Microsoft.Network/virtualNetworks")).Properties!["subnets"]!.AsArray()
            .Select(s => (string)s!["properties"]!["addressPrefix"]!).ToList();
        Assert.Equal(prefixes.Count, prefixes.Distinct().Count());
        Assert.All(prefixes, p => Assert.Matches(@"^10\.0\.([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\.0/24$", p));
        Assert.All(most.OfType("Microsoft.Storage/storageAccounts"), s => Assert.InRange(s.Name.Length, 3, 24));
    }

    private static SimulatedDeployment Deploy(int cellCount, bool vnetEnabled = false, string serviceBusSku = "Standard") =>
        new(Bicep.MainTemplate, new Dictionary<string, JsonNode?>
        {
            ["environmentName"] = Environment,
            ["location"] = Location,
            ["principalId"] = Deployer,
            ["cellCount"] = cellCount,
            ["vnetEnabled"] = vnetEnabled,
            ["serviceBusSku"] = serviceBusSku,
        });

    /// <summary>Each function app with the settings it receives and the identity it runs as.</summary>
    private static List<Cell> Cells(SimulatedDeployment deployment) =>
    [
        .. deployment.OfType("Microsoft.Web/sites").Select(site =>
        {
            var config = Assert.Single(deployment.OfType("Microsoft.Web/sites/config"), c => c.Name == $"{site.Name}/appsettings");
            var settings = config.Properties!.AsObject();
            var identityId = Assert.Single(site.Evaluated("identity")!["userAssignedIdentities"]!.AsObject()).Key;
            var package = (string?)site.Properties!["functionAppConfig"]?["deployment"]?["storage"]?["value"] ?? "";
            return new Cell(site.Name, settings, ResourceIds.Parse(identityId).Name, (string)settings["Storage__AccountName"]!, (string)settings["ChannelWork__ServiceBusNamespace"]!, package);
        }),
    ];

    private sealed record Cell(string Site, JsonObject Settings, string Identity, string Storage, string ServiceBusHost, string PackageContainer);
}
