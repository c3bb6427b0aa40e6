using PayFunctions.Channels;
using PayFunctions.Core.Orchestration;

namespace PayFunctions.Core.Tests.Hosts;

public sealed class DependencyTests
{
    [Fact]
    public void Channels_ReferencesNoAzureOrDurableTaskAssembly()
    {
        Assert.Empty(ReferencesStartingWith(typeof(CloseOutcome), "Azure.", "Microsoft.DurableTask"));
    }

    [Fact]
    public void Core_ReferencesNeitherTheFunctionsWorkerNorAHost()
    {
        Assert.Empty(ReferencesStartingWith(typeof(PayFunctionsTasks), "Microsoft.Azure.Functions.Worker", "PayFunctions.LocalHost", "PayFunctions.FunctionApp"));
    }

    private static List<string> ReferencesStartingWith(Type anchor, params string[] prefixes) =>
        [.. anchor.Assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(name => prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))];
}
