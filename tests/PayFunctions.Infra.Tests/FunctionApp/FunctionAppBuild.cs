using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PayFunctions.Infra.Tests.FunctionApp;

/// <summary>The files the Functions app's build produces and the host reads: host.json, functions.metadata, the package graph.</summary>
internal static class FunctionAppBuild
{
    private static readonly string Directory = Metadata("FunctionAppDirectory");

    public static JsonObject HostJson { get; } = Load(Path.Combine(Bicep.RepositoryRoot, "host.json")).AsObject();

    /// <summary>The generated function list, as the host indexes it.</summary>
    public static JsonArray Functions => Load(Path.Combine(Directory, "bin", Metadata("Configuration"), "net10.0", "functions.metadata")).AsArray();

    /// <summary>NuGet's resolved graph for the app: every package, its version and what it asked for.</summary>
    public static JsonObject Packages => Load(Path.Combine(Directory, "obj", "project.assets.json"))["targets"]!["net10.0"]!.AsObject();

    private static JsonNode Load(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing; build functions/PayFunctions.FunctionApp in the configuration of the tests.");
        return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
    }

    private static string Metadata(string key) =>
        typeof(FunctionAppBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is empty");
}
