using System.Reflection;
using System.Text.Json;

namespace PayFunctions.Tests;

/// <summary>Every operation a merchant's API key may call has exactly one SDK method, checked against the running
/// host's OpenAPI document.</summary>
[Trait("Category", "Live")]
public sealed class CoverageTests
{
    [Fact]
    public async Task Every_api_key_operation_has_a_method_and_no_method_is_stale()
    {
        using var http = new HttpClient();
        using var document = JsonDocument.Parse(
            await http.GetStringAsync(new Uri(LiveEnvironment.ApiBase + "/openapi.json")));
        var operations = ApiKeyOperations(document.RootElement).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(operations);
        Assert.Empty(operations.Except(ApiOperations.Methods.Keys).Order());
        Assert.Empty(ApiOperations.Methods.Keys.Except(operations).Order());
    }

    [Fact]
    public void Every_mapped_method_exists_on_the_client()
    {
        foreach (var (operation, target) in ApiOperations.Methods)
        {
            var parts = target.Split('.');
            Assert.True(parts.Length == 2, $"{operation}: '{target}' is not Resource.Method");
            var resource = typeof(PayFunctionsClient).GetProperty(parts[0], BindingFlags.Public | BindingFlags.Instance);
            Assert.True(resource is not null, $"{operation}: the client has no resource {parts[0]}");
            var methods = resource!.PropertyType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == parts[1]);
            Assert.True(methods.Any(), $"{operation}: {parts[0]} has no method {parts[1]}");
        }

        Assert.Equal(ApiOperations.Methods.Count, ApiOperations.Methods.Values.Distinct().Count());
    }

    private static IEnumerable<string> ApiKeyOperations(JsonElement root)
    {
        var defaultSecurity = root.TryGetProperty("security", out var top) ? top : default;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.ValueKind != JsonValueKind.Object
                    || !operation.Value.TryGetProperty("operationId", out var id))
                {
                    continue;
                }

                var security = operation.Value.TryGetProperty("security", out var own) ? own : defaultSecurity;
                if (security.ValueKind == JsonValueKind.Array
                    && security.EnumerateArray().Any(requirement => requirement.TryGetProperty("apiKey", out _)))
                {
                    yield return id.GetString()!;
                }
            }
        }
    }
}
