using System.Diagnostics;

namespace PayFunctions.Infra.Tests;

/// <summary>An azd hook script of infra/hooks, run with sh in a folder of stand-in commands that PATH finds first.</summary>
internal static class Hook
{
    public static CliResult Run(string script, string standIns, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("sh", [Bicep.InfraPath("hooks", script)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = standIns,
        };
        start.Environment["PATH"] = $"{standIns}:{Environment.GetEnvironmentVariable("PATH")}";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{script} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
