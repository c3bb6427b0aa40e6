namespace PayFunctions.Infra.Tests;

public class BicepCliTests
{
    [Fact]
    public void Build_compiles_main_without_diagnostics()
    {
        var result = Bicep.Run("build", Bicep.MainBicep, "--stdout");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StandardError.Trim());
        Assert.StartsWith("{", result.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_of_main_and_its_modules_reports_nothing()
    {
        var result = Bicep.Run("lint", Bicep.MainBicep);

        // Lint exits 0 on warnings: any printed diagnostic is a failure here.
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", (result.StandardOutput + result.StandardError).Trim());
    }
}
