namespace PayFunctions.Infra.Tests;

/// <summary>Runs the post-deploy hook against stand-ins for <c>az</c>, <c>dotnet</c> and <c>zip</c> that record their calls.</summary>
public sealed class DeployCellsHookTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("cells-hook-").FullName;

    private string CallLog => Path.Combine(directory, "calls");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Deploys_one_build_to_every_cell_but_the_one_azd_deployed()
    {
        var result = RunHook("""["func-api-abc","func-api-abc-c2","func-api-abc-c3"]""");

        Assert.Equal(0, result.ExitCode);
        var calls = Calls();
        Assert.Single(calls, c => c.StartsWith("dotnet publish ./functions/PayFunctions.FunctionApp -c Release", StringComparison.Ordinal));
        var deployed = calls.Where(c => c.StartsWith("az functionapp deployment source config-zip", StringComparison.Ordinal)).ToList();
        Assert.Equal(["func-api-abc-c2", "func-api-abc-c3"], deployed.Select(c => c.Split("--name ")[1].Split(' ')[0]));
        Assert.All(deployed, c => Assert.Contains("--resource-group rg-cells", c, StringComparison.Ordinal));
        Assert.Single(deployed.Select(c => c.Split("--src ")[1].Split(' ')[0]).Distinct());
    }

    [Fact]
    public void A_single_cell_is_left_to_azd()
    {
        var result = RunHook("""["func-api-abc"]""");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(Calls());
    }

    [Fact]
    public void Refuses_a_name_that_is_not_an_app_name_before_building_anything()
    {
        var result = RunHook("""["func-api-abc","func-api-abc-c2;touch pwned"]""");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(Calls());
    }

    private List<string> Calls() => File.Exists(CallLog) ? [.. File.ReadAllLines(CallLog)] : [];

    private CliResult RunHook(string appNames)
    {
        // dotnet publish writes the output folder; zip writes the archive; az only records.
        StandIn("az", "");
        StandIn("dotnet", """while [ "$#" -gt 0 ]; do if [ "$1" = "-o" ]; then mkdir -p "$2"; touch "$2/app.dll"; fi; shift; done""");
        StandIn("zip", """touch "$2" """);

        return Hook.Run("deploy-cells.sh", directory, new Dictionary<string, string>
        {
            ["CELL_FUNCTION_APP_NAMES"] = appNames,
            ["AZURE_RESOURCE_GROUP"] = "rg-cells",
        });
    }

    private void StandIn(string command, string behaviour)
    {
        var path = Path.Combine(directory, command);
        File.WriteAllText(path, $"""
            #!/bin/sh
            echo "{command} $*" >> '{CallLog}'
            {behaviour}
            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
