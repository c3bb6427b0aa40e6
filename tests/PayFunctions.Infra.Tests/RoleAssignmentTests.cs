using System.Text.RegularExpressions;
using Azure.Security.KeyVault.Secrets;

namespace PayFunctions.Infra.Tests;

public partial class RoleAssignmentTests
{
    // Built-in role definition id -> the resource type its assignment must be scoped to.
    private static readonly Dictionary<string, string> AppRoles = new()
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Microsoft.Storage/storageAccounts", // Storage Blob Data Owner
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Microsoft.Storage/storageAccounts", // Storage Queue Data Contributor
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Microsoft.Storage/storageAccounts", // Storage Table Data Contributor
        ["69a216fc-b8fb-44d8-bc22-1f3c2cd27a39"] = "Microsoft.ServiceBus/namespaces", // Azure Service Bus Data Sender
        ["4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0"] = "Microsoft.ServiceBus/namespaces", // Azure Service Bus Data Receiver
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Microsoft.KeyVault/vaults", // Key Vault Secrets User
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Microsoft.Insights/components", // Monitoring Metrics Publisher
    };

    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    private static readonly IReadOnlyList<Assignment> Assignments =
    [
        .. Arm.AllResources(Bicep.MainTemplate).OfType("Microsoft.Authorization/roleAssignments").Select(Assignment.From),
    ];

    [Fact]
    public void The_app_identity_gets_exactly_the_expected_roles_once_each()
    {
        var appAssignments = Assignments.Where(a => a.PrincipalId == "[parameters('appPrincipalId')]").ToList();

        Assert.Equal(AppRoles.Keys.Order(), appAssignments.Select(a => a.RoleId).Order());
        Assert.All(appAssignments, a => Assert.Empty(a.Resource.Conditions));
        Assert.True(Arm.ReadsModuleOutput((string?)Arm.Module("rbac").Parameter("appPrincipalId"), "identity", "principalId"));
    }

    [Fact]
    public void Every_assignment_is_scoped_to_the_resource_its_role_is_about()
    {
        Assert.NotEmpty(Assignments);
        Assert.All(Assignments, a =>
        {
            var expected = a.RoleId == KeyVaultSecretsOfficer ? "Microsoft.KeyVault/vaults" : AppRoles[a.RoleId];
            Assert.Equal(expected, a.ScopeType);
        });
    }

    /// <summary>
    /// The vault role follows from what the app does with <see cref="SecretClient"/>: reading needs
    /// "Key Vault Secrets User"; any other operation (set, delete, recover, back up, list deleted)
    /// needs "Key Vault Secrets Officer". The app used to write each merchant's webhook secret while
    /// holding the read role, so onboarding failed in Azure with a 403; it now only reads.
    /// </summary>
    [Fact]
    public void The_app_identity_holds_exactly_the_vault_role_its_code_needs()
    {
        string[] reads = [".ctor", "GetSecret", "GetSecretAsync", "GetPropertiesOfSecrets", "GetPropertiesOfSecretsAsync", "GetPropertiesOfSecretVersions", "GetPropertiesOfSecretVersionsAsync"];
        var called = CodeOperations.AppAssemblies.SelectMany(a => CodeOperations.MembersCalled(a, typeof(SecretClient))).Distinct().ToList();

        Assert.Contains("GetSecretAsync", called);
        var others = called.Except(reads).ToList();
        var needed = others.Count == 0 ? KeyVaultSecretsUser : KeyVaultSecretsOfficer;
        var granted = Assignments.Where(a => a.PrincipalId == "[parameters('appPrincipalId')]" && a.ScopeType == "Microsoft.KeyVault/vaults").Select(a => a.RoleId);
        Assert.Equal([needed], granted);
    }

    [Fact]
    public void The_deployer_may_write_vault_secrets_only_when_azd_names_them()
    {
        var deployer = Assert.Single(Assignments, a => a.PrincipalId == "[parameters('deployerPrincipalId')]");

        Assert.Equal(KeyVaultSecretsOfficer, deployer.RoleId);
        Assert.Equal("[not(empty(parameters('deployerPrincipalId')))]", Assert.Single(deployer.Resource.Conditions));
        Assert.Equal("[parameters('principalId')]", (string?)Arm.Module("deployerRbac").Parameter("deployerPrincipalId"));
    }

    private sealed partial record Assignment(ArmResource Resource, string RoleId, string? ScopeType, string? PrincipalId)
    {
        public static Assignment From(ArmResource resource)
        {
            var roleDefinition = resource.ResolveVariables((string)resource.Properties!["roleDefinitionId"]!);
            var role = RoleDefinitionId().Match(roleDefinition);
            Assert.True(role.Success, $"role definition is not a built-in role id: {roleDefinition}");

            // A missing scope would mean the whole resource group; a resourceId() names one resource.
            var scope = ResourceScope().Match(resource.Scope ?? "");
            return new Assignment(resource, role.Groups[1].Value, scope.Success ? scope.Groups[1].Value : resource.Scope, (string?)resource.Properties["principalId"]);
        }

        [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', '([0-9a-f-]{36})'\)\]$")]
        private static partial Regex RoleDefinitionId();

        [GeneratedRegex(@"^\[resourceId\('([^']+)', parameters\('[A-Za-z]+'\)\)\]$")]
        private static partial Regex ResourceScope();
    }
}
