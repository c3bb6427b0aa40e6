using System.Text.RegularExpressions;

namespace PayFunctions.Infra.Tests.Deployment;

/// <summary>Resource ids as Azure Resource Manager writes them, and read back into type, names and resource group.</summary>
internal static partial class ResourceIds
{
    public static string Subscription => $"/subscriptions/{Simulated.SubscriptionId}";

    public static string ResourceGroupId(string resourceGroup) => $"{Subscription}/resourceGroups/{resourceGroup}";

    /// <summary><c>resourceId([subscriptionId], [resourceGroupName], type, name...)</c>.</summary>
    public static string ResourceId(IReadOnlyList<string> arguments, string? currentResourceGroup)
    {
        var typeAt = arguments.ToList().FindIndex(a => ResourceType().IsMatch(a));
        var resourceGroup = typeAt switch
        {
            0 => currentResourceGroup,
            1 => arguments[0],
            _ => arguments[1],
        };
        var scope = resourceGroup is null ? Subscription : ResourceGroupId(resourceGroup);
        return Extension(scope, arguments[typeAt], arguments.Skip(typeAt + 1).ToList());
    }

    public static string SubscriptionResourceId(IReadOnlyList<string> arguments) =>
        Extension(Subscription, arguments[0], arguments.Skip(1).ToList());

    public static string Extension(string scope, string type, IReadOnlyList<string> names)
    {
        var segments = type.Split('/');
        var path = string.Concat(segments.Skip(1).Select((t, i) => $"/{t}/{names[i]}"));
        return $"{scope}/providers/{segments[0]}{path}";
    }

    /// <summary>The resource a resource id names: its type, its name (child names joined by '/') and its resource group.</summary>
    public static (string Type, string Name, string? ResourceGroup) Parse(string id)
    {
        var resourceGroup = ResourceGroupOf().Match(id) is { Success: true } m ? m.Groups[1].Value : null;
        var provider = id.LastIndexOf("/providers/", StringComparison.OrdinalIgnoreCase);
        var parts = id[(provider + "/providers/".Length)..].Split('/');
        var type = string.Join('/', [parts[0], .. parts.Skip(1).Where((_, i) => i % 2 == 0)]);
        var name = string.Join('/', parts.Skip(2).Where((_, i) => i % 2 == 0));
        return (type, name, resourceGroup);
    }

    [GeneratedRegex(@"^[A-Za-z]+\.[A-Za-z.]+/")]
    private static partial Regex ResourceType();

    [GeneratedRegex("/resourceGroups/([^/]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ResourceGroupOf();
}
