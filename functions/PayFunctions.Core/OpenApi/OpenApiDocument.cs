using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.OpenApi;

/// <summary>
/// Writes the OpenAPI 3.1 description of <see cref="ApiRoutes.All"/> for one audience from the route table, the
/// <see cref="ApiCatalog"/> and the models' own schemas, so the description changes when the code does.
/// </summary>
public static partial class OpenApiDocument
{
    public const string ApiKeyScheme = "apiKey";
    public const string OAuthScheme = "oauth2";

    private const string RequestIdComponent = "RequestId";

    /// <summary>The routes one description holds: every route is in exactly one of them.</summary>
    public static IEnumerable<ApiRoute> RoutesOf(ApiAudience audience) =>
        ApiRoutes.All.Where(r => (r.Access.Audience == Audience.Operator) == (audience == ApiAudience.Operator));

    public static JsonObject Build(ApiAudience audience)
    {
        var schemas = new OpenApiSchemas();
        var problem = schemas.Reference(typeof(ApiError.ProblemBody));
        var paths = new JsonObject();
        var tags = new List<string>();
        foreach (var route in RoutesOf(audience))
        {
            var operation = ApiCatalog.Of(route);
            if (!tags.Contains(operation.Tag))
            {
                tags.Add(operation.Tag);
            }

            var path = "/api/" + route.Template;
            if (paths[path] is not JsonObject item)
            {
                item = [];
                paths[path] = item;
            }

            item[route.Method.ToLowerInvariant()] = Operation(route, operation, schemas, problem);
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = Info(audience),
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "The deployment that serves this description." }),
            ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["description"] = ApiTags.Description(t) })]),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components,
                ["securitySchemes"] = SecuritySchemes(audience),
                ["headers"] = new JsonObject
                {
                    [RequestIdComponent] = new JsonObject
                    {
                        ["description"] = "The request's id (`req_…`), on every answer: quote it when asking about a request.",
                        ["schema"] = new JsonObject { ["type"] = "string", ["pattern"] = "^req_[0-9a-z]{24}$" },
                    },
                },
            },
        };
    }

    private static JsonObject Info(ApiAudience audience) => audience == ApiAudience.Merchant
        ? new JsonObject
        {
            ["title"] = "PayFunctions merchant API",
            ["version"] = "1",
            ["summary"] = "Payments, refunds, connected accounts, stores, routing and webhooks of one merchant, and the pages its payers see.",
            ["description"] = "Every request is authenticated with the merchant's API key (`Authorization: Bearer sk_…`) or a token from `POST /api/oauth/token`. "
                + "Money is integer minor units with an ISO 4217 currency. Errors are RFC 9457 problem documents with a stable `code` and, when one field is at fault, its `param`. "
                + "Every POST that creates something accepts an `Idempotency-Key`. The payers' pages and the channels' callbacks are described for completeness: merchants do not call them.",
        }
        : new JsonObject
        {
            ["title"] = "PayFunctions operator API",
            ["version"] = "1",
            ["summary"] = "What the platform's operators run: merchants, operators, settlement, reconciliation, channels, reference rates, audit, risk and anti-money-laundering.",
            ["description"] = "Every request is authenticated with an operator's key (`Authorization: Bearer opk_…`) or a token from `POST /api/oauth/token`, and needs the scope each operation names.",
        };

    private static JsonObject SecuritySchemes(ApiAudience audience) => new()
    {
        [ApiKeyScheme] = new JsonObject
        {
            ["type"] = "http",
            ["scheme"] = "bearer",
            ["description"] = audience == ApiAudience.Merchant
                ? "A merchant's API key (`sk_test_…` or `sk_live_…`); the scopes listed are those the key must hold."
                : "An operator's key (`opk_…`); the scopes listed are those the operator must hold.",
        },
        [OAuthScheme] = new JsonObject
        {
            ["type"] = "oauth2",
            ["description"] = "A JWT access token from the client-credentials grant, with the client's key as its secret.",
            ["flows"] = new JsonObject
            {
                ["clientCredentials"] = new JsonObject
                {
                    ["tokenUrl"] = "/api/" + ApiRoutes.IssueToken.Template,
                    ["scopes"] = new JsonObject([.. (audience == ApiAudience.Merchant ? ApiScopes.Merchant : ApiScopes.Operator)
                        .Select(s => KeyValuePair.Create(s, (JsonNode?)JsonValue.Create(ScopeDescriptions.Of(s))))]),
                },
            },
        },
    };

    private static JsonObject Operation(ApiRoute route, ApiOperation operation, OpenApiSchemas schemas, JsonObject problem)
    {
        var node = new JsonObject
        {
            ["operationId"] = route.Name,
            ["summary"] = operation.Summary,
            ["tags"] = new JsonArray(operation.Tag),
        };
        if (operation.Description is not null)
        {
            node["description"] = operation.Description;
        }

        node["security"] = route.Access.Scope is { } scope
            ? new JsonArray(
                new JsonObject { [ApiKeyScheme] = new JsonArray(scope) },
                new JsonObject { [OAuthScheme] = new JsonArray(scope) })
            : new JsonArray();

        var parameters = Parameters(route, operation);
        if (parameters.Count > 0)
        {
            node["parameters"] = parameters;
        }

        if (operation.Request is { } request)
        {
            node["requestBody"] = new JsonObject { ["required"] = !operation.BodyOptional, ["content"] = Content(request, schemas) };
        }

        var success = Content(operation.Response, schemas);
        foreach (var alternative in operation.AlsoAs)
        {
            success[alternative.MediaType] = Media(alternative, schemas);
        }

        var responses = new JsonObject
        {
            [operation.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Answer(operation.Summary, success),
        };
        foreach (var (status, content) in operation.OtherResponses)
        {
            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Answer(operation.Summary, Content(content, schemas));
        }

        // A page answers its own failures as pages; its problems are only those no page answers.
        foreach (var byStatus in ProblemCodes.Of(route, operation).GroupBy(c => ProblemCodes.Status[c]).OrderBy(g => g.Key)
            .Where(g => !operation.OtherResponses.ContainsKey(g.Key)))
        {
            responses[byStatus.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Problem(byStatus.ToList(), problem);
        }

        node["responses"] = responses;
        return node;
    }

    private static JsonArray Parameters(ApiRoute route, ApiOperation operation)
    {
        var parameters = new JsonArray();
        foreach (Match match in PathParameter().Matches(route.Template))
        {
            parameters.Add(new JsonObject
            {
                ["name"] = match.Groups[1].Value,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
                ["example"] = operation.PathExample ?? throw new InvalidOperationException($"{route.Name} needs an example of its path parameter."),
            });
        }

        if (operation.Paginated)
        {
            parameters.Add(Query("limit", "How many to answer, 1 to 100 (default 10).", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 100 }, 10));
            parameters.Add(Query("starting_after", "The last id of the previous page: the page after it.", new JsonObject { ["type"] = "string" }, null));
        }

        foreach (var query in operation.Query)
        {
            parameters.Add(Query(query.Name, query.Description, new JsonObject { ["type"] = "string" }, query.Example));
        }

        foreach (var header in operation.Headers)
        {
            var parameter = Query(header.Name, header.Description, new JsonObject { ["type"] = "string" }, header.Example);
            parameter["in"] = "header";
            parameters.Add(parameter);
        }

        if (operation.Idempotent)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = "Idempotency-Key",
                ["in"] = "header",
                ["required"] = false,
                ["description"] = "Makes a retry safe: the same key and body answer what the first request answered, for at least 24 hours.",
                ["schema"] = new JsonObject { ["type"] = "string", ["maxLength"] = IdempotentPost.MaxKeyLength },
                ["example"] = "order-7421-attempt",
            });
        }

        return parameters;
    }

    private static JsonObject Query(string name, string description, JsonObject schema, JsonNode? example)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = false, ["description"] = description, ["schema"] = schema };
        if (example is not null)
        {
            parameter["example"] = example;
        }

        return parameter;
    }

    private static JsonObject Content(ApiContent content, OpenApiSchemas schemas) => new() { [content.MediaType] = Media(content, schemas) };

    private static JsonObject Media(ApiContent content, OpenApiSchemas schemas)
    {
        var media = new JsonObject { ["schema"] = content.Model is { } model ? schemas.Reference(model) : content.Schema!.DeepClone() };
        if (content.Example is not null)
        {
            media["example"] = content.Example.DeepClone();
        }

        return media;
    }

    private static JsonObject Answer(string description, JsonObject content) => new()
    {
        ["description"] = description,
        ["headers"] = new JsonObject { [RequestIds.Header] = new JsonObject { ["$ref"] = "#/components/headers/" + RequestIdComponent } },
        ["content"] = content,
    };

    /// <summary>A problem answer whose <c>code</c> is one of those this operation answers with that status.</summary>
    private static JsonObject Problem(IReadOnlyList<string> codes, JsonObject problem) => Answer(
        "A problem: " + string.Join(", ", codes) + ".",
        new JsonObject
        {
            [ApiError.ContentType] = new JsonObject
            {
                ["schema"] = new JsonObject
                {
                    ["allOf"] = new JsonArray(
                        problem.DeepClone(),
                        new JsonObject { ["properties"] = new JsonObject { ["code"] = new JsonObject { ["enum"] = new JsonArray([.. codes.Select(c => (JsonNode)c)]) } } }),
                },
            },
        });

    [GeneratedRegex(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PathParameter();
}
