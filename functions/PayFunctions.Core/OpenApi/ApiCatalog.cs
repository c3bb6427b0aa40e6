using PayFunctions.Core.Http;

namespace PayFunctions.Core.OpenApi;

/// <summary>
/// The description of every route of <see cref="ApiRoutes.All"/>, by route name. A route without an entry fails the
/// catalog's test and the building of the description, so a new route cannot go undocumented.
/// </summary>
public static class ApiCatalog
{
    public static IReadOnlyDictionary<string, ApiOperation> Operations { get; } = Merge(MerchantOperations.All, PublicOperations.All, OperatorOperations.All);

    public static ApiOperation Of(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return Operations.TryGetValue(route.Name, out var operation)
            ? operation
            : throw new KeyNotFoundException($"The route {route.Name} has no entry in {nameof(ApiCatalog)}.");
    }

    private static Dictionary<string, ApiOperation> Merge(params IReadOnlyDictionary<string, ApiOperation>[] parts)
    {
        var all = new Dictionary<string, ApiOperation>(StringComparer.Ordinal);
        foreach (var (name, operation) in parts.SelectMany(p => p))
        {
            all.Add(name, operation);
        }

        return all;
    }
}
