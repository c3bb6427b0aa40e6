using System.Text.Json.Nodes;

namespace PayFunctions.Infra.Tests.FunctionApp;

/// <summary>
/// Packages that ship together must resolve together. A worker extension next to a library one major
/// version ahead of what it was built for (Application Insights 3.x under the 2.x Functions
/// integration) loads fine at build time and crashes the worker at start.
/// </summary>
public sealed class PackageAlignmentTests
{
    // Families released in lockstep: every member the app uses must be at one version.
    public static TheoryData<string, string[]> Families => new()
    {
        { "Functions worker", ["Microsoft.Azure.Functions.Worker", "Microsoft.Azure.Functions.Worker.Core", "Microsoft.Azure.Functions.Worker.Grpc"] },
        { "Durable Task SDK", ["Microsoft.DurableTask.Abstractions", "Microsoft.DurableTask.Client", "Microsoft.DurableTask.Client.Grpc",
            "Microsoft.DurableTask.Grpc", "Microsoft.DurableTask.Worker", "Microsoft.DurableTask.Worker.Grpc",
            "Microsoft.DurableTask.LargePayloadPurge.Abstractions"] },
        { "OpenTelemetry", ["OpenTelemetry", "OpenTelemetry.Api", "OpenTelemetry.Api.ProviderBuilderExtensions", "OpenTelemetry.Extensions.Hosting"] },
    };

    // Major-version jumps that are known to be safe, and why. Anything else fails.
    private static readonly Dictionary<string, string> SafeMajorJumps = new()
    {
        ["Microsoft.Azure.Functions.Worker.Core"] = "worker 2.x loads extensions built against the 1.x core",
        ["System.Reactive.Core"] = "Rx 6 keeps the 4.x API that DurableTask.Core uses",
        ["System.Reactive.Compatibility"] = "Rx 6 keeps the 4.x API that DurableTask.Core uses",
        ["System.Memory.Data"] = ".NET platform package, backward compatible by policy",
        ["Microsoft.Bcl.AsyncInterfaces"] = ".NET platform package, backward compatible by policy",
        ["System.Security.Cryptography.ProtectedData"] = ".NET platform package, backward compatible by policy (10.x comes with System.Configuration.ConfigurationManager, a card SDK's dependency)",
    };

    private static readonly Dictionary<string, (string Version, JsonObject Entry)> Resolved = FunctionAppBuild.Packages
        .Where(p => (string?)p.Value!["type"] == "package")
        .ToDictionary(p => p.Key.Split('/')[0], p => (p.Key.Split('/')[1], p.Value!.AsObject()));

    [Theory]
    [MemberData(nameof(Families))]
    public void Family_resolves_to_one_version(string family, string[] members)
    {
        var versions = members.Where(Resolved.ContainsKey).Select(m => $"{m} {Resolved[m].Version}").ToList();

        Assert.NotEmpty(versions);
        Assert.True(
            versions.Select(v => v.Split(' ')[1]).Distinct().Count() == 1,
            $"{family} resolves to more than one version: {string.Join(", ", versions)}; pin the members together.");
    }

    [Fact]
    public void No_package_gets_a_dependency_a_major_version_ahead_of_what_it_was_built_for()
    {
        var jumps = (
            from package in Resolved
            from dependency in package.Value.Entry["dependencies"]?.AsObject() ?? []
            where Resolved.ContainsKey(dependency.Key) && !SafeMajorJumps.ContainsKey(dependency.Key)
            let wanted = Major((string)dependency.Value!)
            let got = Major(Resolved[dependency.Key].Version)
            where got != wanted
            select $"{package.Key} {package.Value.Version} was built for {dependency.Key} {dependency.Value}, gets {Resolved[dependency.Key].Version}")
            .ToList();

        Assert.True(jumps.Count == 0, string.Join(Environment.NewLine, jumps));
    }

    private static int Major(string version) => int.Parse(version.TrimStart('[', '(').Split('.', ',')[0], System.Globalization.CultureInfo.InvariantCulture);
}
