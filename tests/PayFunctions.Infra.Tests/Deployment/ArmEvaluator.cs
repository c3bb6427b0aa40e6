using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PayFunctions.Infra.Tests.Deployment;

/// <summary>
/// Evaluates the template functions the compiled Bicep uses, as Azure Resource Manager defines them.
/// A function it does not know fails the evaluation, so a template that starts using one cannot pass unseen.
/// </summary>
internal static class ArmEvaluator
{
    /// <summary>A template value: literals as they are, expression strings evaluated, objects and arrays (and expression keys) deeply.</summary>
    public static JsonNode? EvaluateNode(JsonNode? node, Frame frame) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) && ArmExpression.IsExpression(text) => Evaluate(ArmExpression.Parse(text), frame),
        JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith("[[", StringComparison.Ordinal) => text[1..],
        JsonObject map => new JsonObject(map.Select(p => KeyValuePair.Create(Text(EvaluateNode(p.Key, frame)), EvaluateNode(p.Value, frame)?.DeepClone()))),
        JsonArray list => new JsonArray([.. list.Select(item => EvaluateNode(item, frame)?.DeepClone())]),
        _ => node?.DeepClone(),
    };

    /// <summary>A <c>copy</c> loop's values: <paramref name="input"/> once per index, with <c>copyIndex(name)</c> (and <c>copyIndex()</c>) set.</summary>
    public static JsonArray Loop(JsonNode? count, JsonNode? input, string name, Frame frame)
    {
        var n = Long(EvaluateNode(count, frame));
        return new JsonArray([.. Enumerable.Range(0, (int)n).Select(i => EvaluateNode(input, frame.WithCopyIndex(name, i).WithCopyIndex("", i))?.DeepClone())]);
    }

    public static JsonNode? Evaluate(ArmExpression expression, Frame frame) => expression switch
    {
        Literal literal => literal.Value?.DeepClone(),
        Member member => Property(Evaluate(member.Target, frame), member.Name),
        Index index => Element(Evaluate(index.Target, frame), Evaluate(index.Key, frame)),
        Call call => Invoke(call, frame),
        _ => throw new NotSupportedException(expression.ToString()),
    };

    private static JsonNode? Invoke(Call call, Frame frame)
    {
        // Functions that must not evaluate every argument first.
        switch (call.Name.ToLowerInvariant())
        {
            case "if":
                return Bool(Evaluate(call.Arguments[0], frame)) ? Evaluate(call.Arguments[1], frame) : Evaluate(call.Arguments[2], frame);
            case "coalesce":
                return call.Arguments.Select(a => Evaluate(a, frame)).FirstOrDefault(v => v is not null);
            case "and":
                return call.Arguments.All(a => Bool(Evaluate(a, frame)));
            case "lambda":
                return JsonValue.Create(new Lambda([.. call.Arguments.SkipLast(1).Select(a => Text(Evaluate(a, frame)))], call.Arguments[^1], frame));
        }

        var args = call.Arguments.Select(a => Evaluate(a, frame)).ToList();
        return ArmFunctions.Invoke(call.Name, args, frame);
    }

    public static JsonNode? Property(JsonNode? target, string name) => target switch
    {
        JsonObject map when map.TryGetPropertyValue(name, out var value) => value,
        JsonObject map => map.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found
            ? found.Value
            : throw new InvalidOperationException($"no property {name} in {Text(target)}"),
        _ => throw new InvalidOperationException($"property {name} of a non-object {Text(target)}"),
    };

    public static JsonNode? Element(JsonNode? target, JsonNode? key) => target switch
    {
        JsonArray list => list[(int)Long(key)],
        JsonObject => Property(target, Text(key)),
        _ => throw new InvalidOperationException($"index into a non-collection {Text(target)}"),
    };

    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "True" : "False",
        JsonValue value => Long(value).ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    public static long Long(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var n)
        ? n
        : node is JsonValue parsed && parsed.TryGetValue<int>(out var i) ? i : throw new InvalidOperationException($"not an integer: {node?.ToJsonString()}");

    public static bool Bool(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var b)
        ? b
        : throw new InvalidOperationException($"not a bool: {node?.ToJsonString()}");

    /// <summary>A stand-in for a hash the deployment computes: stable, and different for different inputs.</summary>
    public static string Hash(IEnumerable<string> parts, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))))[..length];
}

/// <summary>A <c>lambda()</c> closed over the frame it was written in.</summary>
internal sealed record Lambda(IReadOnlyList<string> Parameters, ArmExpression Body, Frame Frame)
{
    public JsonNode? Apply(params JsonNode?[] arguments) =>
        ArmEvaluator.Evaluate(Body, Frame with
        {
            LambdaVariables = Parameters.Zip(arguments).Aggregate(Frame.LambdaVariables, (vars, p) => vars.SetItem(p.First, p.Second)),
        });
}
