using System.Text.Json.Nodes;

namespace PayFunctions.Infra.Tests.Deployment;

/// <summary>
/// A compiled template deployed on paper with given parameter values: every module's nested
/// deployment expanded, copy loops and conditions applied, names and properties evaluated as Azure
/// Resource Manager would, and runtime properties (<see cref="Simulated"/>) standing in for Azure's.
/// </summary>
internal sealed class SimulatedDeployment
{
    private readonly List<DeployedResource> resources = [];
    private readonly Dictionary<(string? ResourceGroup, string Name), TemplateInstance> deployments = [];
    private readonly TemplateInstance main;

    public SimulatedDeployment(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        main = new TemplateInstance(this, template, parameters.ToDictionary(p => p.Key, p => (Func<JsonNode?>)(() => p.Value?.DeepClone())), resourceGroup: null);
        Expand(main);
    }

    public IReadOnlyList<DeployedResource> Resources => resources;

    public IEnumerable<DeployedResource> OfType(string type) =>
        resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public JsonNode? Output(string name) => ArmEvaluator.Property(main.Outputs(), name)?["value"];

    /// <summary>
    /// <c>reference(target)</c>: a deployment's outputs, or a deployed resource's runtime properties;
    /// the target is a resource id, or in language version 2.0 a symbolic name of the calling template.
    /// </summary>
    public JsonNode? Reference(string target, TemplateInstance caller)
    {
        var (type, name, resourceGroup) = target.Contains('/', StringComparison.Ordinal)
            ? ResourceIds.Parse(target)
            : caller.Symbols.TryGetValue(target, out var symbol) ? symbol : throw new InvalidOperationException($"no resource named {target} in the template");
        if (string.Equals(type, "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase))
        {
            return deployments.TryGetValue((resourceGroup, name), out var deployment)
                ? new JsonObject { ["outputs"] = deployment.Outputs().DeepClone() }
                : throw new InvalidOperationException($"reference to deployment {name} in {resourceGroup}, which is not deployed");
        }

        if (!resources.Any(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase) && r.Name == name && r.ResourceGroup == resourceGroup))
        {
            throw new InvalidOperationException($"reference to {type} {name} in {resourceGroup}, which is not deployed");
        }

        return Simulated.RuntimeProperties(type, name);
    }

    private void Expand(TemplateInstance instance)
    {
        var declared = instance.Template["resources"] switch
        {
            JsonArray list => list.Select(r => (Symbol: (string?)null, Resource: r!.AsObject())),
            JsonObject map => map.Select(p => (Symbol: (string?)p.Key, Resource: p.Value!.AsObject())),
            _ => [],
        };
        foreach (var (symbol, resource) in declared)
        {
            if (resource["existing"] is not null)
            {
                // Language version 2.0 lists referenced resources too; they are named but not created.
                if (symbol is not null)
                {
                    instance.Symbols[symbol] = ((string)resource["type"]!, ArmEvaluator.Text(ArmEvaluator.EvaluateNode(resource["name"], instance.Root)), instance.ResourceGroup);
                }

                continue;
            }

            foreach (var frame in Frames(resource, instance.Root))
            {
                if (resource["condition"] is { } condition && !ArmEvaluator.Bool(ArmEvaluator.EvaluateNode(condition, frame)))
                {
                    continue;
                }

                var type = (string)resource["type"]!;
                var name = ArmEvaluator.Text(ArmEvaluator.EvaluateNode(resource["name"], frame));
                var resourceGroup = resource["resourceGroup"] is { } target ? ArmEvaluator.Text(ArmEvaluator.EvaluateNode(target, frame)) : instance.ResourceGroup;
                if (string.Equals(type, "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase))
                {
                    if (!deployments.TryAdd((resourceGroup, name), Nested(resource, frame, resourceGroup)))
                    {
                        throw new InvalidOperationException($"two deployments named {name} in {resourceGroup}: the second overwrites the first");
                    }

                    Expand(deployments[(resourceGroup, name)]);
                }

                resources.Add(new DeployedResource(type, name, resourceGroup, frame, resource));
                if (symbol is not null && resource["copy"] is null)
                {
                    instance.Symbols[symbol] = (type, name, resourceGroup);
                }
            }
        }
    }

    private TemplateInstance Nested(JsonObject deployment, Frame frame, string? resourceGroup)
    {
        var properties = deployment["properties"]!;
        var supplied = (properties["parameters"]?.AsObject() ?? [])
            .ToDictionary(p => p.Key, p => (Func<JsonNode?>)(() => ArmEvaluator.EvaluateNode(p.Value, frame)!["value"]?.DeepClone()));
        return new TemplateInstance(this, properties["template"]!.AsObject(), supplied, resourceGroup);
    }

    private static IEnumerable<Frame> Frames(JsonObject resource, Frame root)
    {
        if (resource["copy"] is not { } loop)
        {
            return [root];
        }

        var count = ArmEvaluator.Long(ArmEvaluator.EvaluateNode(loop["count"], root));
        var name = (string)loop["name"]!;
        return Enumerable.Range(0, (int)count).Select(i => root.WithCopyIndex(name, i).WithCopyIndex("", i));
    }
}

/// <summary>A resource the simulated deployment creates, with its properties evaluated on request.</summary>
internal sealed record DeployedResource(string Type, string Name, string? ResourceGroup, Frame Frame, JsonObject Declaration)
{
    public JsonNode? Evaluated(string property) => ArmEvaluator.EvaluateNode(Declaration[property], Frame);

    public JsonNode? Properties => Evaluated("properties");

    public string? Scope => Declaration["scope"] is null ? null : ArmEvaluator.Text(Evaluated("scope"));
}
