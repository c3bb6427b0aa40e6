using System.Reflection;
using System.Text.Json;
using PayFunctions.Core.Http;
using PayFunctions.Core.Orchestration;

namespace PayFunctions.Core.Tests.Hosts;

/// <summary>Checks the Functions app's generated functions.metadata against the shared route and task lists.</summary>
public sealed class FunctionAppParityTests
{
    private static readonly Lazy<List<FunctionEntry>> Functions = new(LoadFunctions);

    [Fact]
    public void EveryApiRoute_HasAnHttpTriggerWithTheSameMethodAndRoute()
    {
        foreach (var route in ApiRoutes.All)
        {
            var function = Assert.Single(Functions.Value, f => f.Name == route.Name);
            var trigger = Assert.Single(function.Bindings, b => b.Type == "httpTrigger");
            Assert.Equal([route.Method.ToLowerInvariant()], trigger.Methods);
            Assert.Equal(route.Template, trigger.Route);
        }
    }

    [Fact]
    public void NoHttpRoute_StartsWithAPrefixTheFunctionsHostReserves()
    {
        // The host refuses such a function at indexing: "The specified route conflicts with one or more built in routes."
        string[] reserved = ["admin", "runtime"];
        var routes = Functions.Value.SelectMany(f => f.Bindings).Where(b => b.Type == "httpTrigger").Select(b => b.Route ?? "").ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.DoesNotContain(reserved, prefix => route.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void HttpTriggers_AreExactlyTheApiRoutes()
    {
        var httpFunctions = Functions.Value.Where(f => f.Bindings.Any(b => b.Type == "httpTrigger")).Select(f => f.Name).Order();

        Assert.Equal(ApiRoutes.All.Select(r => r.Name).Order(), httpFunctions);
    }

    [Fact]
    public void EveryOrchestrator_HasAnOrchestrationTriggerOfItsName()
    {
        Assert.Equal(PayFunctionsTasks.Orchestrators.Select(t => t.Name).Order(), NamesWithTrigger("orchestrationTrigger"));
    }

    [Fact]
    public void EveryActivity_HasAnActivityTriggerOfItsName()
    {
        Assert.Equal(PayFunctionsTasks.Activities.Select(t => t.Name).Order(), NamesWithTrigger("activityTrigger"));
    }

    [Fact]
    public void SettlementTimerAndChannelWorkQueue_AreTriggered()
    {
        Assert.NotEmpty(NamesWithTrigger("timerTrigger"));
        Assert.NotEmpty(NamesWithTrigger("queueTrigger"));
    }

    private static IEnumerable<string> NamesWithTrigger(string type) =>
        Functions.Value.Where(f => f.Bindings.Any(b => b.Type == type)).Select(f => f.Name).Order();

    private static List<FunctionEntry> LoadFunctions()
    {
        var path = typeof(FunctionAppParityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FunctionsMetadataPath").Value!;
        Assert.True(
            File.Exists(path),
            $"The Functions app's generated metadata is missing at {path}; build functions/PayFunctions.FunctionApp in the same configuration as the tests.");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<FunctionEntry>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"{path} holds no function list.");
    }

    private sealed record FunctionEntry(string Name, IReadOnlyList<BindingEntry> Bindings);

    private sealed record BindingEntry(string Type, IReadOnlyList<string>? Methods, string? Route);
}
