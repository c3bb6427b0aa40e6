using System.Text.Json.Nodes;
using static PayFunctions.Infra.Tests.Deployment.ArmEvaluator;

namespace PayFunctions.Infra.Tests.Deployment;

/// <summary>The template functions whose arguments are values (see <see cref="ArmEvaluator"/> for those that are not).</summary>
internal static class ArmFunctions
{
    public static JsonNode? Invoke(string name, List<JsonNode?> a, Frame frame) => name.ToLowerInvariant() switch
    {
        "parameters" => frame.Instance.Parameter(Text(a[0]))?.DeepClone(),
        "variables" => frame.Instance.Variable(Text(a[0]))?.DeepClone(),
        "lambdavariables" => frame.LambdaVariables[Text(a[0])]?.DeepClone(),
        "copyindex" => CopyIndex(a, frame),
        "format" => string.Format(System.Globalization.CultureInfo.InvariantCulture, Text(a[0]), [.. a.Skip(1).Select(Text)]),
        "tolower" => Text(a[0]).ToLowerInvariant(),
        "replace" => Text(a[0]).Replace(Text(a[1]), Text(a[2]), StringComparison.Ordinal),
        "split" => new JsonArray([.. Text(a[0]).Split(Text(a[1])).Select(s => (JsonNode?)s)]),
        "join" => string.Join(Text(a[1]), a[0]!.AsArray().Select(Text)),
        "uniquestring" => Hash(a.Select(Text), 13),
        "guid" => new Guid(Convert.FromHexString(Hash(a.Select(Text), 32))).ToString(),
        "equals" => a[0]?.ToJsonString() == a[1]?.ToJsonString(),
        "not" => !Bool(a[0]),
        "empty" => a[0] switch
        {
            null => true,
            JsonArray list => list.Count == 0,
            JsonObject map => map.Count == 0,
            _ => Text(a[0]).Length == 0,
        },
        "null" => null,
        "length" => a[0] switch
        {
            JsonArray list => list.Count,
            JsonObject map => map.Count,
            _ => Text(a[0]).Length,
        },
        "add" => Long(a[0]) + Long(a[1]),
        "sub" => Long(a[0]) - Long(a[1]),
        "range" => new JsonArray([.. Enumerable.Range((int)Long(a[0]), (int)Long(a[1])).Select(i => (JsonNode?)(long)i)]),
        "take" => a[0] is JsonArray list ? new JsonArray([.. list.Take((int)Long(a[1])).Select(n => n?.DeepClone())]) : new string([.. Text(a[0]).Take((int)Long(a[1]))]),
        "skip" => a[0] is JsonArray list ? new JsonArray([.. list.Skip((int)Long(a[1])).Select(n => n?.DeepClone())]) : new string([.. Text(a[0]).Skip((int)Long(a[1]))]),
        "last" => a[0] is JsonArray list ? list[^1]?.DeepClone() : Text(a[0])[^1..],
        "concat" => a.All(x => x is JsonArray)
            ? new JsonArray([.. a.SelectMany(x => x!.AsArray()).Select(n => n?.DeepClone())])
            : string.Concat(a.Select(Text)),
        "flatten" => new JsonArray([.. a[0]!.AsArray().SelectMany(x => x!.AsArray()).Select(n => n?.DeepClone())]),
        "createarray" => new JsonArray([.. a.Select(n => n?.DeepClone())]),
        "createobject" => new JsonObject(a.Chunk(2).Select(p => KeyValuePair.Create(Text(p[0]), p[1]?.DeepClone()))),
        "union" => new JsonObject(a.SelectMany(x => x!.AsObject()).GroupBy(p => p.Key).Select(g => KeyValuePair.Create(g.Key, g.Last().Value?.DeepClone()))),
        "map" => new JsonArray([.. a[0]!.AsArray().Select(item => LambdaOf(a[1]).Apply(item?.DeepClone())?.DeepClone())]),
        "toobject" => new JsonObject(a[0]!.AsArray().Select(item => KeyValuePair.Create(
            Text(LambdaOf(a[1]).Apply(item?.DeepClone())),
            (a.Count > 2 ? LambdaOf(a[2]).Apply(item?.DeepClone()) : item)?.DeepClone()))),
        "tryget" => a.Skip(1).Aggregate(a[0], (node, key) => node switch
        {
            JsonObject map => map.TryGetPropertyValue(Text(key), out var v) ? v : null,
            JsonArray list => Long(key) < list.Count ? list[(int)Long(key)] : null,
            _ => null,
        })?.DeepClone(),
        "subscription" => Simulated.Subscription(),
        "tenant" => new JsonObject { ["tenantId"] = Simulated.TenantId },
        "environment" => new JsonObject { ["name"] = "AzureCloud", ["suffixes"] = new JsonObject { ["storage"] = "core.windows.net" } },
        "resourceid" => ResourceIds.ResourceId(a.Select(Text).ToList(), frame.Instance.ResourceGroup),
        "subscriptionresourceid" => ResourceIds.SubscriptionResourceId(a.Select(Text).ToList()),
        "extensionresourceid" => ResourceIds.Extension(Text(a[0]), Text(a[1]), a.Skip(2).Select(Text).ToList()),
        "reference" => frame.Instance.Deployment.Reference(Text(a[0]), frame.Instance),
        _ => throw new NotSupportedException($"template function {name} is not simulated"),
    };

    private static long CopyIndex(List<JsonNode?> a, Frame frame)
    {
        var named = a.Count > 0 && a[0] is JsonValue v && v.TryGetValue<string>(out _);
        var loop = named ? Text(a[0]) : "";
        var offset = a.Count > (named ? 1 : 0) ? Long(a[^1]) : 0;
        return frame.CopyIndexes[loop] + offset;
    }

    private static Lambda LambdaOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<Lambda>(out var lambda) ? lambda : throw new InvalidOperationException("a lambda was expected");
}
