using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace PayFunctions.Infra.Tests.Deployment;

/// <summary>
/// One template as it is deployed: the values its parameters receive, its variables and its outputs,
/// each evaluated once, when first needed.
/// </summary>
internal sealed class TemplateInstance(
    SimulatedDeployment deployment,
    JsonObject template,
    IReadOnlyDictionary<string, Func<JsonNode?>> suppliedParameters,
    string? resourceGroup)
{
    private readonly Dictionary<string, JsonNode?> parameters = [];
    private readonly Dictionary<string, JsonNode?> variables = [];
    private JsonObject? outputs;

    public SimulatedDeployment Deployment => deployment;

    /// <summary>Language version 2.0: the resource each symbolic name of the template stands for.</summary>
    public Dictionary<string, (string Type, string Name, string? ResourceGroup)> Symbols { get; } = [];

    public JsonObject Template => template;

    /// <summary>The resource group the template deploys into; null for the subscription-scoped main template.</summary>
    public string? ResourceGroup => resourceGroup;

    public Frame Root => new(this, ImmutableDictionary<string, long>.Empty, ImmutableDictionary<string, JsonNode?>.Empty);

    public JsonNode? Parameter(string name)
    {
        if (!parameters.TryGetValue(name, out var value))
        {
            var declared = template["parameters"]?[name] ?? throw new InvalidOperationException($"parameter {name} is not declared");
            value = suppliedParameters.TryGetValue(name, out var supplied)
                ? supplied()
                : declared.AsObject().ContainsKey("defaultValue")
                    ? ArmEvaluator.EvaluateNode(declared["defaultValue"], Root)
                    : throw new InvalidOperationException($"parameter {name} has no value and no default");
            parameters[name] = value;
        }

        return value;
    }

    public JsonNode? Variable(string name)
    {
        if (!variables.TryGetValue(name, out var value))
        {
            var declared = template["variables"]?.AsObject() ?? throw new InvalidOperationException("the template declares no variables");
            var loop = declared["copy"]?.AsArray().SingleOrDefault(c => (string?)c!["name"] == name);
            value = loop is not null
                ? ArmEvaluator.Loop(loop["count"], loop["input"], name, Root)
                : declared.ContainsKey(name)
                    ? ArmEvaluator.EvaluateNode(declared[name], Root)
                    : throw new InvalidOperationException($"variable {name} is not declared");
            variables[name] = value;
        }

        return value;
    }

    /// <summary>The outputs as <c>reference()</c> returns them for a deployment: <c>{ name: { value } }</c>.</summary>
    public JsonObject Outputs()
    {
        if (outputs is null)
        {
            outputs = [];
            foreach (var (name, output) in template["outputs"]?.AsObject() ?? [])
            {
                var value = output!["copy"] is { } loop
                    ? ArmEvaluator.Loop(loop["count"], loop["input"], "", Root)
                    : ArmEvaluator.EvaluateNode(output["value"], Root);
                outputs[name] = new JsonObject { ["value"] = value?.DeepClone() };
            }
        }

        return outputs;
    }
}

/// <summary>Where an expression is evaluated: its template instance, the loop indexes and the lambda variables in force.</summary>
internal sealed record Frame(TemplateInstance Instance, ImmutableDictionary<string, long> CopyIndexes, ImmutableDictionary<string, JsonNode?> LambdaVariables)
{
    public Frame WithCopyIndex(string loop, long index) => this with { CopyIndexes = CopyIndexes.SetItem(loop, index) };
}
