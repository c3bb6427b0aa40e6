using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using PayFunctions.Core.Http;
using PayFunctions.Domain.Risk;

namespace PayFunctions.Core.OpenApi;

/// <summary>
/// The risk-rule answers, which the endpoint writes as JSON nodes: the rule's own fields are those of the request that
/// made it (<c>RiskRuleDraft</c>), around the id, owner and times described here.
/// </summary>
internal static class RiskRuleSchemas
{
    public static ApiContent Rule { get; } = new("application/json", null, RuleSchema(), null);

    public static ApiContent List { get; } = new("application/json", null, new JsonObject
    {
        ["type"] = "object",
        ["required"] = new JsonArray("object", "url", "data", "has_more"),
        ["properties"] = new JsonObject
        {
            ["object"] = new JsonObject { ["const"] = "list" },
            ["url"] = new JsonObject { ["type"] = "string" },
            ["data"] = new JsonObject { ["type"] = "array", ["items"] = RuleSchema() },
            ["has_more"] = new JsonObject { ["type"] = "boolean" },
        },
    }, null);

    public static ApiContent Deleted { get; } = new("application/json", null, new JsonObject
    {
        ["type"] = "object",
        ["required"] = new JsonArray("id", "object", "deleted"),
        ["properties"] = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string" },
            ["object"] = new JsonObject { ["const"] = "risk_rule" },
            ["deleted"] = new JsonObject { ["const"] = true },
        },
    }, null);

    private static JsonObject RuleSchema()
    {
        var properties = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string" },
            ["object"] = new JsonObject { ["const"] = "risk_rule" },
            ["scope"] = new JsonObject { ["enum"] = new JsonArray("merchant", "platform") },
            ["kind"] = new JsonObject { ["type"] = "string" },
            ["action"] = new JsonObject { ["type"] = "string" },
            ["created_at"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["updated_at"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
        };

        // The rest are the draft's own fields, as its model declares them, so the answer is described field by field.
        foreach (var (name, schema) in ApiJson.Options.GetJsonSchemaAsNode(typeof(RiskRuleDraft))["properties"]!.AsObject())
        {
            properties.TryAdd(name, schema!.DeepClone());
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("id", "object", "scope", "kind", "action", "created_at", "updated_at"),
            ["properties"] = properties,
        };
    }
}
