using PayFunctions.Domain;

namespace PayFunctions.Domain.Tests;

public sealed class DependencyTests
{
    private static readonly string[] ForbiddenPrefixes = ["Azure", "Microsoft.AspNetCore", "Microsoft.Azure", "Microsoft.DurableTask", "DurableTask"];

    [Fact]
    public void Domain_references_no_cloud_web_or_orchestration_assembly()
    {
        var offending = typeof(Money).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(name => ForbiddenPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.Empty(offending);
    }
}
