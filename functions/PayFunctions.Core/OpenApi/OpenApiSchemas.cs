using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.OpenApi;

/// <summary>
/// JSON Schemas of the API's own models, derived with <see cref="JsonSchemaExporter"/> under <see cref="ApiJson.Options"/>
/// so property names, nullability and enums are what the wire carries. Every object model of the platform becomes one
/// entry of <c>components/schemas</c>, referred to wherever it appears.
/// </summary>
public sealed class OpenApiSchemas
{
    private readonly Dictionary<Type, string> names = [];
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);

    public JsonObject Components { get; } = [];

    /// <summary>A reference to the model's component, exporting it (and the models it holds) the first time.</summary>
    public JsonObject Reference(Type model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!names.TryGetValue(model, out var name))
        {
            name = NameOf(model);
            names[model] = name;
            taken.Add(name);
            Components[name] = null;
            Components[name] = ApiJson.Options.GetJsonSchemaAsNode(model, new JsonSchemaExporterOptions
            {
                TreatNullObliviousAsNonNullable = true,
                TransformSchemaNode = (context, node) => context.Path.IsEmpty || !IsComponent(context.TypeInfo) ? Required(context.TypeInfo, Optional(node)) : Nested(context.TypeInfo.Type, node),
            });
        }

        return new JsonObject { ["$ref"] = "#/components/schemas/" + name };
    }

    /// <summary>A model inside another: its reference, and null beside it where the property may be null.</summary>
    private JsonObject Nested(Type model, JsonNode exported)
    {
        var reference = Reference(model);
        var nullable = exported["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null");
        return nullable ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
    }

    /// <summary>
    /// A property that may be null is left out of the JSON rather than written as null (<see cref="ApiJson.Options"/>
    /// ignores nulls when writing), so it is not required, whatever its constructor says.
    /// </summary>
    private static JsonNode Optional(JsonNode node)
    {
        if (node is JsonObject { } schema && schema["required"] is JsonArray required && schema["properties"] is JsonObject properties)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => properties[n] is { } p && AllowsNull(p)).ToList())
            {
                required.Remove(required.First(r => r!.GetValue<string>() == name));
            }
        }

        return node;
    }

    /// <summary>A request field marked <see cref="RequiredParameterAttribute"/> is required and never null.</summary>
    private static JsonNode Required(JsonTypeInfo info, JsonNode node)
    {
        if (node is not JsonObject { } schema || schema["properties"] is not JsonObject properties)
        {
            return node;
        }

        foreach (var property in info.Properties.Where(p => p.AttributeProvider?.IsDefined(typeof(RequiredParameterAttribute), inherit: false) == true))
        {
            if (schema["required"] is not JsonArray required)
            {
                required = [];
                schema["required"] = required;
            }

            required.Add(property.Name);
            if (properties[property.Name]?["type"] is JsonArray types && types.FirstOrDefault(t => t?.GetValue<string>() == "null") is { } nullType)
            {
                types.Remove(nullType);
            }
        }

        return node;
    }

    private static bool AllowsNull(JsonNode property) =>
        property is not JsonObject ? true
        : property["type"] is JsonArray types ? types.Any(t => t?.GetValue<string>() == "null")
        : property["anyOf"] is JsonArray options && options.Any(o => o?["type"]?.GetValue<string>() == "null");

    private static bool IsComponent(JsonTypeInfo info) =>
        info.Kind == JsonTypeInfoKind.Object && info.Type.Namespace?.StartsWith("PayFunctions.", StringComparison.Ordinal) == true;

    /// <summary>The type's name; a nested type that shares it is named with its container.</summary>
    private string NameOf(Type model)
    {
        var name = model.Name;
        return taken.Contains(name) && model.DeclaringType is { } outer ? outer.Name + name : name;
    }
}
