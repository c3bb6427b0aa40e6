using System.Diagnostics;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;

// The Bicep CLI comes from the linux-x64 package and the azd hook is a POSIX shell script.
[assembly: SupportedOSPlatform("linux")]

namespace PayFunctions.Infra.Tests;

/// <summary>The Bicep CLI restored from NuGet, run against the repository's infra folder.</summary>
internal static class Bicep
{
    private static readonly Lazy<JsonObject> Compiled = new(CompileMain);

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string InfraPath(params string[] parts) => Path.Combine([RepositoryRoot, "infra", .. parts]);

    public static string MainBicep => InfraPath("main.bicep");

    /// <summary>The ARM JSON of infra/main.bicep, compiled once per test run.</summary>
    public static JsonObject MainTemplate => Compiled.Value;

    public static CliResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Metadata("BicepPath"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = InfraPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Offline machines otherwise spend seconds probing for telemetry and registry endpoints.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 2 minutes");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static JsonObject CompileMain()
    {
        var result = Run("build", MainBicep, "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed: {result.StandardError}");
        }

        return JsonNode.Parse(result.StandardOutput)?.AsObject()
            ?? throw new InvalidOperationException("bicep build printed no template");
    }

    private static string Metadata(string key) =>
        typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is empty");
}

internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError);
