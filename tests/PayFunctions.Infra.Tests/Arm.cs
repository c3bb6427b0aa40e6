using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PayFunctions.Infra.Tests;

/// <summary>A resource of a compiled template, with the template that declares it.</summary>
internal sealed record ArmResource(JsonObject Resource, JsonObject Template, IReadOnlyList<string> Conditions, string? Symbol = null)
{
    public string Type => (string)Resource["type"]!;

    public string Name => (string)Resource["name"]!;

    public JsonNode? Properties => Resource["properties"];

    public string? Scope => (string?)Resource["scope"];

    /// <summary>Replaces <c>variables('x')</c> whose value is a plain string by that string, quoted as ARM quotes literals.</summary>
    public string ResolveVariables(string expression) =>
        Regex.Replace(expression, @"variables\('([^']+)'\)", match =>
            Template["variables"]?[match.Groups[1].Value] is JsonValue value && value.TryGetValue<string>(out var text)
                ? $"'{text}'"
                : match.Value);
}

internal static partial class Arm
{
    /// <summary>
    /// Every resource of the template and of its nested deployments (each Bicep module compiles to
    /// one), with the conditions of the deployments that enclose it.
    /// </summary>
    public static IEnumerable<ArmResource> AllResources(JsonObject template) => Walk(template, []);

    public static IEnumerable<ArmResource> OfType(this IEnumerable<ArmResource> resources, string type) =>
        resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The deployment a Bicep module compiles to: by its deployment name, by its symbolic name (templates in
    /// language version 2.0, such as a cell's), or for a module loop by the loop's name ("cells").
    /// </summary>
    public static ArmResource Module(string name) =>
        AllResources(Bicep.MainTemplate).OfType("Microsoft.Resources/deployments")
            .Single(r => r.Name == name || r.Symbol == name || (string?)r.Resource["copy"]?["name"] == name);

    public static JsonObject NestedTemplate(this ArmResource deployment) =>
        (deployment.Properties as JsonObject)?["template"]?.AsObject() ?? throw new InvalidOperationException($"{deployment.Name} has no template");

    public static JsonNode? Parameter(this ArmResource deployment, string name) =>
        (deployment.Properties as JsonObject)?["parameters"]?[name]?["value"];

    /// <summary>The object of app settings the function app receives.</summary>
    public static JsonObject AppSettings() => Module("apiSettings").Parameter("appSettings")!.AsObject();

    /// <summary>
    /// Whether an expression reads an output of the named module of its template: by deployment id, or
    /// in language version 2.0 by symbolic name.
    /// </summary>
    public static bool ReadsModuleOutput(string? expression, string module, string output) =>
        expression is not null
        && (expression.Contains($"'Microsoft.Resources/deployments', '{module}'), '", StringComparison.Ordinal)
            || expression.Contains($"reference('{module}')", StringComparison.Ordinal))
        && expression.Contains($").outputs.{output}.value", StringComparison.Ordinal);

    /// <summary>JSON text with ARM expressions readable: the default encoder escapes quotes and '='.</summary>
    public static string Text(JsonNode? node) => node?.ToJsonString(Readable) ?? "";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IEnumerable<ArmResource> Walk(JsonObject template, IReadOnlyList<string> conditions)
    {
        // Templates in language version 2.0 key resources by symbolic name instead of listing them.
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => (Symbol: (string?)null, Resource: r!.AsObject())),
            JsonObject map => map.Select(pair => (Symbol: (string?)pair.Key, Resource: pair.Value!.AsObject())),
            _ => [],
        };
        // Templates in language version 2.0 also list resources that are only referenced.
        foreach (var (symbol, resource) in resources.Where(r => r.Resource["existing"] is null))
        {
            var here = resource["condition"] is { } condition ? [.. conditions, condition.ToString()] : conditions;
            yield return new ArmResource(resource, template, here, symbol);
            if (resource["properties"] is JsonObject properties && properties["template"] is JsonObject nested)
            {
                foreach (var inner in Walk(nested, here))
                {
                    yield return inner;
                }
            }
        }
    }
}
