using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PayFunctions.Infra.Tests;

public partial class AzdTests
{
    private static readonly string AzureYaml = File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "azure.yaml"));

    [Fact]
    public void Api_service_points_at_the_function_app_project()
    {
        var project = ServiceProject().Match(AzureYaml);

        Assert.True(project.Success);
        Assert.Equal("./functions/PayFunctions.FunctionApp", project.Groups[1].Value);
        Assert.True(File.Exists(Path.Combine(Bicep.RepositoryRoot, project.Groups[1].Value, "PayFunctions.FunctionApp.csproj")));
        Assert.Matches(@"(?m)^\s+host: function\s*$", AzureYaml);
        Assert.Matches(@"(?m)^\s+language: dotnet\s*$", AzureYaml);
    }

    [Fact]
    public void Hooks_run_scripts_that_exist_and_are_executable()
    {
        var scripts = HookRun().Matches(AzureYaml).Select(m => Path.Combine(Bicep.RepositoryRoot, m.Groups[1].Value)).ToList();

        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.True(File.GetUnixFileMode(s).HasFlag(UnixFileMode.UserExecute), $"{s} is not executable"));
    }

    [Fact]
    public void Parameters_file_covers_every_required_parameter_and_names_no_unknown_one()
    {
        var declared = Bicep.MainTemplate["parameters"]!.AsObject();
        var supplied = JsonNode.Parse(File.ReadAllText(Bicep.InfraPath("main.parameters.json")))!["parameters"]!.AsObject();

        Assert.All(supplied, p => Assert.True(declared.ContainsKey(p.Key), $"{p.Key} is not a parameter of main.bicep"));
        Assert.All(declared.Where(p => p.Value!["defaultValue"] is null), p => Assert.True(supplied.ContainsKey(p.Key), $"{p.Key} has no value in main.parameters.json"));
        Assert.Equal("${AZURE_PRINCIPAL_ID}", (string?)supplied["principalId"]!["value"]);
    }

    [Fact]
    public void Outputs_carry_the_names_azd_and_the_hook_read()
    {
        var outputs = Bicep.MainTemplate["outputs"]!.AsObject();
        string[] expected =
        [
            "AZURE_LOCATION", "AZURE_TENANT_ID", "RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "SERVICE_API_NAME",
            "AZURE_KEY_VAULT_NAME", "AZURE_KEY_VAULT_ENDPOINT", "AZURE_SERVICE_BUS_NAMESPACE", "VNET_ENABLED",
        ];

        Assert.All(expected, name => Assert.True(outputs.ContainsKey(name), $"output {name} is missing"));
        Assert.DoesNotContain(outputs, o => ((string)o.Value!["type"]!).StartsWith("secure", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"(?ms)^  api:\s*$.*?^\s+project: (\S+)\s*$")]
    private static partial Regex ServiceProject();

    [GeneratedRegex(@"(?m)^\s+run: (\S+)\s*$")]
    private static partial Regex HookRun();
}
