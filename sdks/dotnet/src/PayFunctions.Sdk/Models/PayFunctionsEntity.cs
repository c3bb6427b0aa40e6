using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayFunctions;

/// <summary>The base of every object the API returns.</summary>
public abstract class PayFunctionsEntity
{
    /// <summary>The members of the answer this version of the SDK has no property for, kept as sent so a newer API's
    /// fields stay readable.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An object with an <c>id</c>, which a list can continue after.</summary>
public interface IHasId
{
    /// <summary>The object's identifier.</summary>
    string Id { get; }
}
