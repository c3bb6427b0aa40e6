using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayFunctions.Infrastructure;

/// <summary>The wire format: snake_case names, nulls left out of requests so the API applies its defaults.</summary>
internal static class PayFunctionsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
