using System.Text.Json.Nodes;

namespace PayFunctions.Core.OpenApi;

/// <summary>
/// What the API description says of one route beyond what <see cref="Http.ApiRoute"/> already declares: its words,
/// the models it reads and answers, the stable problem codes of its own, and one example of each.
/// </summary>
public sealed record ApiOperation(string Tag, string Summary)
{
    public string? Description { get; init; }

    public ApiContent? Request { get; init; }

    public int Status { get; init; } = 200;

    public required ApiContent Response { get; init; }

    /// <summary>The success answer in other media types, for a request that asks for one (a report's <c>format=csv</c>).</summary>
    public IReadOnlyList<ApiContent> AlsoAs { get; init; } = [];

    /// <summary>Other answers than problems: a second success status, or a page's own error pages.</summary>
    public IReadOnlyDictionary<int, ApiContent> OtherResponses { get; init; } = new Dictionary<int, ApiContent>();

    /// <summary>An empty body is read as every default.</summary>
    public bool BodyOptional { get; init; }

    /// <summary>Codes this operation answers beyond those every route of its kind shares (see <see cref="ProblemCodes"/>).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public IReadOnlyList<ApiParameter> Query { get; init; } = [];

    /// <summary>Request headers the route reads beyond credentials and <c>Idempotency-Key</c>.</summary>
    public IReadOnlyList<ApiParameter> Headers { get; init; } = [];

    /// <summary>The route runs under <c>Idempotency-Key</c> (see <see cref="Http.IdempotentPost"/>).</summary>
    public bool Idempotent { get; init; }

    /// <summary>The route pages with <c>limit</c> and <c>starting_after</c> (see <see cref="Http.ListQuery"/>).</summary>
    public bool Paginated { get; init; }

    /// <summary>The example value of the route's one path parameter, when it has one.</summary>
    public string? PathExample { get; init; }
}

/// <summary>A body: a JSON model (its schema derived from the type), or another media type with a schema of its own.</summary>
public sealed record ApiContent(string MediaType, Type? Model, JsonNode? Schema, JsonNode? Example)
{
    public static ApiContent Json<T>() => new("application/json", typeof(T), null, null);

    public static ApiContent Json<T>(string example) => new("application/json", typeof(T), null, JsonNode.Parse(example));

    public static ApiContent Html(string example) => new("text/html", null, new JsonObject { ["type"] = "string" }, example);

    public static ApiContent Text(string mediaType, string example) => new(mediaType, null, new JsonObject { ["type"] = "string" }, example);

    public static ApiContent Binary(string mediaType) =>
        new(mediaType, null, new JsonObject { ["type"] = "string", ["contentMediaType"] = mediaType }, null);

    /// <summary>This body with an example: for a hand-written schema shared by several operations.</summary>
    public ApiContent WithExample(string example) => this with { Example = JsonNode.Parse(example) };

    public static ApiContent Form(JsonObject schema, JsonObject example) => new("application/x-www-form-urlencoded", null, schema, example);
}

/// <summary>An optional query or header parameter, read as a string.</summary>
public sealed record ApiParameter(string Name, string Description, string Example);
