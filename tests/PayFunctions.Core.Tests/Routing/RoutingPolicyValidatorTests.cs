using System.Text;
using System.Text.Json.Nodes;
using PayFunctions.Core.Http;
using PayFunctions.Core.Routing;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Tests.Routing;

public sealed class RoutingPolicyValidatorTests
{
    private const string FullBody = """
        {
          "objective": "balanced", "cost_weight": 2.5, "utc_offset": "+08:00",
          "rules": [
            { "name": "Big CNY by day",
              "when": { "methods": ["wechat_pay.native"], "min_amount": 100, "max_amount": 500000, "currencies": ["cny"],
                        "countries": ["cn"], "regions": ["cn-gd"], "between": { "start": "09:00", "end": "18:00" },
                        "terminals": ["online", "store_code"] },
              "candidates": [
                { "channel_account": "wechat_pay/main", "priority": 0, "weight": 70,
                  "limits": { "max_amount": 200000, "daily_amount": 10000000, "daily_count": 500, "per_second": 5 } },
                { "channel_account": "wechat_pay/backup", "priority": 1, "weight": 30 } ] },
            { "name": "rest", "candidates": [ { "channel_account": "alipay/main" } ] } ],
          "fees": [
            { "channel_account": "wechat_pay/main", "method": "wechat_pay.native", "basis_points": 60, "fixed": 0 },
            { "channel_account": "wechat_pay/backup", "basis_points": 38, "fixed": 10 } ]
        }
        """;

    private static readonly Func<ChannelAccountId, bool> Configured = a => a.Account is "main" or "backup";

    [Fact]
    public void FullBody_MapsToTheDomainPolicy()
    {
        var (policy, error) = Validate(FullBody);

        Assert.Null(error);
        Assert.Equal(RoutingObjective.Balanced, policy!.Objective);
        Assert.Equal(2.5, policy.CostWeight);
        Assert.Equal(TimeSpan.FromHours(8), policy.UtcOffset);
        var rule = policy.Rules[0];
        Assert.Equal("Big CNY by day", rule.Name);
        Assert.Equal(["wechat_pay.native"], rule.When.Methods!);
        Assert.Equal((100L, 500000L), (rule.When.MinAmount, rule.When.MaxAmount));
        Assert.Equal(["CNY"], rule.When.Currencies!);
        Assert.Equal(["CN"], rule.When.Countries!);
        Assert.Equal(["CN-GD"], rule.When.Regions!);
        Assert.Equal(new TimeWindow(new TimeOnly(9, 0), new TimeOnly(18, 0)), rule.When.Between);
        Assert.Equal([TerminalType.Online, TerminalType.StoreCode], rule.When.Terminals!);
        Assert.Equal(
            new RouteCandidate(new ChannelAccountId("wechat_pay", "main"), 0, 70, new RouteLimits(200000, 10000000, 500, 5)),
            rule.Candidates[0]);
        Assert.Equal(new RouteCandidate(new ChannelAccountId("wechat_pay", "backup"), 1, 30, RouteLimits.None), rule.Candidates[1]);
        Assert.Equal(new RouteCondition(), policy.Rules[1].When);
        Assert.Equal(new RouteCandidate(new ChannelAccountId("alipay", "main"), 0, 1, RouteLimits.None), policy.Rules[1].Candidates[0]);
        Assert.Equal(
            [new AccountFee(new("wechat_pay", "main"), "wechat_pay.native", 60, 0), new AccountFee(new("wechat_pay", "backup"), null, 38, 10)],
            policy.Fees);
    }

    [Fact]
    public void MinimalBody_IsTheDefaultPolicy()
    {
        var (policy, error) = Validate("""{ "objective": "success" }""");

        Assert.Null(error);
        Assert.Equal(Canonical(RoutingPolicy.Default), Canonical(policy!));
    }

    [Fact]
    public void CanonicalBody_ReadsBackToTheSamePolicy_AndIsAcceptedAsARequest()
    {
        var (policy, _) = Validate(FullBody);
        var canonical = Canonical(policy!);

        var (again, error) = Validate(canonical);

        Assert.Null(error);
        Assert.Equal(canonical, Canonical(again!));
        Assert.Equal("routing_policy", JsonNode.Parse(canonical)!["object"]!.GetValue<string>());
    }

    [Fact]
    public void NegativeOffset_IsWrittenBackWithItsSign()
    {
        var (policy, _) = Validate("""{ "objective": "cost", "utc_offset": "-03:30" }""");

        Assert.Equal(-new TimeSpan(3, 30, 0), policy!.UtcOffset);
        Assert.Contains("\"utc_offset\":\"-03:30\"", Canonical(policy), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.objective", null, "parameter_missing", "objective")]
    [InlineData("$.objective", "\"fastest\"", "parameter_invalid", "objective")]
    [InlineData("$.object", "\"payment\"", "parameter_invalid", "object")]
    [InlineData("$.cost_weight", null, "parameter_missing", "cost_weight")]
    [InlineData("$.cost_weight", "101", "parameter_invalid", "cost_weight")]
    [InlineData("$.cost_weight", "-1", "parameter_invalid", "cost_weight")]
    [InlineData("$.utc_offset", "\"+8\"", "parameter_invalid", "utc_offset")]
    [InlineData("$.utc_offset", "\"+14:30\"", "parameter_invalid", "utc_offset")]
    [InlineData("$.utc_offset", "\"+05:20\"", "parameter_invalid", "utc_offset")]
    [InlineData("$.utc_offset", "\"+08:00\\n\"", "parameter_invalid", "utc_offset")]
    [InlineData("$.rules[0]", "null", "parameter_missing", "rules[0]")]
    [InlineData("$.rules[0].name", null, "parameter_missing", "rules[0].name")]
    [InlineData("$.rules[0].name", "\"\"", "parameter_invalid", "rules[0].name")]
    [InlineData("$.rules[0].name", "\"a\\u0000b\"", "parameter_invalid", "rules[0].name")]
    [InlineData("$.rules[1].name", "\"BIG cny BY DAY\"", "parameter_invalid", "rules[1].name")]
    [InlineData("$.rules[0].when.methods", "[]", "parameter_invalid", "rules[0].when.methods")]
    [InlineData("$.rules[0].when.methods", "[\"wechat_pay.teleport\"]", "parameter_invalid", "rules[0].when.methods[0]")]
    [InlineData("$.rules[0].when.methods", "[\"wechat_pay.native\", \"wechat_pay.native\"]", "parameter_invalid", "rules[0].when.methods[1]")]
    [InlineData("$.rules[0].when.methods", "[\"alipay.qr\"]", "parameter_invalid", "rules[0].candidates[0].channel_account")]
    [InlineData("$.rules[0].when.min_amount", "0", "parameter_invalid", "rules[0].when.min_amount")]
    [InlineData("$.rules[0].when.max_amount", "99", "parameter_invalid", "rules[0].when.max_amount")]
    [InlineData("$.rules[0].when.currencies", "[\"XXX\"]", "parameter_invalid", "rules[0].when.currencies[0]")]
    [InlineData("$.rules[0].when.countries", "[\"ZZ\"]", "parameter_invalid", "rules[0].when.countries[0]")]
    [InlineData("$.rules[0].when.regions", "[\"CN\"]", "parameter_invalid", "rules[0].when.regions[0]")]
    [InlineData("$.rules[0].when.regions", "[\"ZZ-GD\"]", "parameter_invalid", "rules[0].when.regions[0]")]
    [InlineData("$.rules[0].when.between.start", "\"9am\"", "parameter_invalid", "rules[0].when.between.start")]
    [InlineData("$.rules[0].when.between.end", null, "parameter_missing", "rules[0].when.between.end")]
    [InlineData("$.rules[0].when.between.end", "\"09:00\"", "parameter_invalid", "rules[0].when.between.end")]
    [InlineData("$.rules[0].when.terminals", "[\"kiosk\"]", "parameter_invalid", "rules[0].when.terminals[0]")]
    [InlineData("$.rules[0].candidates", "[]", "parameter_invalid", "rules[0].candidates")]
    [InlineData("$.rules[0].candidates[0].channel_account", null, "parameter_missing", "rules[0].candidates[0].channel_account")]
    [InlineData("$.rules[0].candidates[0].channel_account", "\"wechat_pay\"", "parameter_invalid", "rules[0].candidates[0].channel_account")]
    [InlineData("$.rules[0].candidates[0].channel_account", "\"carrier_pigeon/main\"", "parameter_invalid", "rules[0].candidates[0].channel_account")]
    [InlineData("$.rules[0].candidates[0].channel_account", "\"wechat_pay/Main!\"", "parameter_invalid", "rules[0].candidates[0].channel_account")]
    [InlineData("$.rules[0].candidates[0].channel_account", "\"wechat_pay/other\"", "parameter_invalid", "rules[0].candidates[0].channel_account")]
    [InlineData("$.rules[0].candidates[1].channel_account", "\"wechat_pay/main\"", "parameter_invalid", "rules[0].candidates[1].channel_account")]
    [InlineData("$.rules[0].candidates[0].priority", "-1", "parameter_invalid", "rules[0].candidates[0].priority")]
    [InlineData("$.rules[0].candidates[0].weight", "0", "parameter_invalid", "rules[0].candidates[0].weight")]
    [InlineData("$.rules[0].candidates[0].weight", "1001", "parameter_invalid", "rules[0].candidates[0].weight")]
    [InlineData("$.rules[0].candidates[0].limits.max_amount", "0", "parameter_invalid", "rules[0].candidates[0].limits.max_amount")]
    [InlineData("$.rules[0].candidates[0].limits.daily_amount", "-5", "parameter_invalid", "rules[0].candidates[0].limits.daily_amount")]
    [InlineData("$.rules[0].candidates[0].limits.daily_count", "0", "parameter_invalid", "rules[0].candidates[0].limits.daily_count")]
    [InlineData("$.rules[0].candidates[0].limits.per_second", "0", "parameter_invalid", "rules[0].candidates[0].limits.per_second")]
    [InlineData("$.fees[0].channel_account", "\"wechat_pay/nope\"", "parameter_invalid", "fees[0].channel_account")]
    [InlineData("$.fees[0].method", "\"alipay.qr\"", "parameter_invalid", "fees[0].method")]
    [InlineData("$.fees[0].basis_points", null, "parameter_missing", "fees[0].basis_points")]
    [InlineData("$.fees[0].basis_points", "10001", "parameter_invalid", "fees[0].basis_points")]
    [InlineData("$.fees[0].fixed", "-1", "parameter_invalid", "fees[0].fixed")]
    [InlineData("$.fees[1]", """{ "channel_account": "wechat_pay/main", "method": "wechat_pay.native", "basis_points": 1 }""", "parameter_invalid", "fees[1]")]
    public void EachBadField_IsNamedWithItsCode(string path, string? json, string code, string param)
    {
        var body = JsonNode.Parse(FullBody)!;
        Set(body, path, json);

        var (policy, error) = Validate(body.ToJsonString());

        Assert.Null(policy);
        Assert.Equal((code, param), (error!.Code, error.Param));
        Assert.Equal(400, error.Status);
    }

    [Theory]
    [InlineData("success")]
    [InlineData("cost")]
    public void CostWeight_WithAnObjectiveOtherThanBalanced_IsRefused(string objective)
    {
        var (_, error) = Validate($$"""{ "objective": "{{objective}}", "cost_weight": 1 }""");

        Assert.Equal(("parameter_invalid", "cost_weight"), (error!.Code, error.Param));
    }

    [Theory]
    [InlineData("rules", RoutingPolicyValidator.MaxRules)]
    [InlineData("fees", RoutingPolicyValidator.MaxFees)]
    public void TooManyItems_AreRefused(string list, int max)
    {
        var item = list == "rules" ? """{ "name": "r{0}", "candidates": [ { "channel_account": "wechat_pay/main" } ] }""" : """{ "channel_account": "wechat_pay/main", "method": null, "basis_points": 1 }""";
        var items = Enumerable.Range(0, max + 1).Select(i => item.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var (_, error) = Validate($$"""{ "objective": "success", "{{list}}": [{{string.Join(',', items)}}] }""");

        Assert.Equal(("parameter_invalid", list), (error!.Code, error.Param));
    }

    [Fact]
    public void TooManyCandidates_AreRefused()
    {
        var candidates = Enumerable.Range(0, RoutingPolicyValidator.MaxCandidates + 1).Select(i => $$"""{ "channel_account": "wechat_pay/a{{i}}" }""");

        var (_, error) = RoutingPolicyValidator.Validate(
            Parse($$"""{ "objective": "success", "rules": [ { "name": "r", "candidates": [{{string.Join(',', candidates)}}] } ] }"""), _ => true);

        Assert.Equal(("parameter_invalid", "rules[0].candidates"), (error!.Code, error.Param));
    }

    [Fact]
    public void UnknownField_IsABodyError()
    {
        var (_, error) = RequestBody.Parse<RoutingPolicyBody>(Encoding.UTF8.GetBytes("""{ "objective": "success", "rules": [ { "nme": "x" } ] }"""));

        Assert.Equal("body_invalid", error!.Code);
    }

    /// <summary>What the API answers: the strict read refuses some values (control characters) before the validator sees them.</summary>
    private static (RoutingPolicy? Policy, ApiError? Error) Validate(string json)
    {
        var (body, error) = RequestBody.Parse<RoutingPolicyBody>(Encoding.UTF8.GetBytes(json));
        return body is null ? (null, error) : RoutingPolicyValidator.Validate(body, Configured);
    }

    private static RoutingPolicyBody Parse(string json)
    {
        var (body, error) = RequestBody.Parse<RoutingPolicyBody>(Encoding.UTF8.GetBytes(json));
        Assert.Null(error);
        return body!;
    }

    private static string Canonical(RoutingPolicy policy) => Encoding.UTF8.GetString(RoutingPolicyStore.Serialize(policy));

    /// <summary>Sets (or with null removes) the node at a path such as <c>$.rules[0].when.methods</c>.</summary>
    private static void Set(JsonNode root, string path, string? json)
    {
        var steps = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var parent = root;
        foreach (var step in steps[..^1])
        {
            parent = step.StartsWith('[') ? parent[int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : parent[step] ??= new JsonObject();
        }

        var last = steps[^1];
        var value = json is null ? null : JsonNode.Parse(json);
        if (last.StartsWith('['))
        {
            parent.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else if (value is null && json is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }
    }
}
