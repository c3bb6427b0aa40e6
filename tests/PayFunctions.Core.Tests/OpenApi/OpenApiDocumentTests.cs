using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.OpenApi;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Tests.OpenApi;

public sealed class OpenApiDocumentTests
{
    private static readonly JsonObject Merchant = Served(ApiAudience.Merchant);
    private static readonly JsonObject Operator = Served(ApiAudience.Operator);

    [Fact]
    public void Every_route_has_a_catalog_entry_and_every_entry_names_a_route()
    {
        var routes = ApiRoutes.All.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal([], routes.Where(r => !ApiCatalog.Operations.ContainsKey(r)).Order(StringComparer.Ordinal));
        Assert.Equal([], ApiCatalog.Operations.Keys.Where(name => !routes.Contains(name)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_route_is_an_operation_of_exactly_one_document_at_its_method_and_path()
    {
        var documented = Operations(Merchant).Concat(Operations(Operator)).ToList();

        Assert.Equal(ApiRoutes.All.Count, documented.Count);
        foreach (var route in ApiRoutes.All)
        {
            var (path, method, _) = Assert.Single(documented, o => o.Operation["operationId"]!.GetValue<string>() == route.Name);
            Assert.Equal("/api/" + route.Template, path);
            Assert.Equal(route.Method.ToLowerInvariant(), method);
        }

        Assert.All(Operations(Operator), o => Assert.StartsWith("ops:", (string)o.Operation["security"]![0]![OpenApiDocument.ApiKeyScheme]![0]!, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ApiAudience.Merchant)]
    [InlineData(ApiAudience.Operator)]
    public void The_served_document_is_OpenApi_3_1_whose_references_all_resolve(ApiAudience audience)
    {
        var document = audience == ApiAudience.Merchant ? Merchant : Operator;
        var schemas = document["components"]!["schemas"]!.AsObject();

        Assert.Equal("3.1.0", (string)document["openapi"]!);
        Assert.All(References(document), reference => Assert.True(
            reference.Split('/') is ["#", "components", var kind, var name] && document["components"]![kind]?[name] is not null, reference));
        Assert.All(document["components"]!["headers"]!.AsObject(), header => Assert.Contains("#/components/headers/" + header.Key, References(document)));
        Assert.All(schemas, schema => Assert.Contains("#/components/schemas/" + schema.Key, References(document)));
    }

    [Fact]
    public void A_routes_scope_is_what_its_operation_demands_and_a_public_route_demands_none()
    {
        foreach (var (_, _, operation) in Operations(Merchant).Concat(Operations(Operator)))
        {
            var route = ApiRoutes.All.Single(r => r.Name == (string)operation["operationId"]!);
            var security = operation["security"]!.AsArray();
            if (route.Access.Audience == Audience.Public)
            {
                Assert.Empty(security);
            }
            else
            {
                Assert.All(security, requirement => Assert.Equal(route.Access.Scope, (string)requirement!.AsObject().Single().Value![0]!));
            }
        }
    }

    [Fact]
    public void The_payment_schema_has_every_property_a_payment_serialises_and_requires_only_those_always_written()
    {
        var payment = new PaymentResource(
            "pay_x", "payment", 2500, "cny", "requires_action", "card", "card_channel", "main", "order-1", "Latte",
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, "T1", DateTimeOffset.UnixEpoch, null, null, null, null,
            new Dictionary<string, string> { ["k"] = "v" });
        var written = JsonSerializer.SerializeToNode(payment, ApiJson.Options)!.AsObject().Select(p => p.Key).ToList();
        var schema = Merchant["components"]!["schemas"]!["PaymentResource"]!.AsObject();
        var properties = schema["properties"]!.AsObject().Select(p => p.Key).ToList();
        var required = schema["required"]!.AsArray().Select(r => (string)r!).ToList();

        Assert.All(written, name => Assert.Contains(name, properties));
        Assert.All(required, name => Assert.Contains(name, written));
        Assert.Contains("amount", required);
        Assert.DoesNotContain("next_action", required);
        Assert.Contains("checkout_url", properties);
    }

    [Fact]
    public void A_create_takes_an_idempotency_key_and_a_list_its_page_parameters()
    {
        var create = Operation(Merchant, ApiRoutes.CreatePayment);
        var list = Operation(Merchant, ApiRoutes.ListPayments);

        Assert.Contains(create["parameters"]!.AsArray(), p => (string)p!["name"]! == "Idempotency-Key" && (string)p["in"]! == "header");
        Assert.Equal(["limit", "starting_after"], list["parameters"]!.AsArray().Select(p => (string)p!["name"]!).Take(2));
        Assert.Equal(["idempotency_key_in_use"], Codes(create, "409").Intersect(["idempotency_key_in_use"]));
        Assert.Contains("merchant_order_id_in_use", Codes(create, "409"));
        Assert.Equal(["idempotency_key_reused"], Codes(create, "422"));
        Assert.Contains(create["parameters"]!.AsArray(), p => (string)p!["name"]! == "Prefer" && (string)p["in"]! == "header");
    }

    [Fact]
    public void A_create_requires_exactly_the_fields_it_answers_parameter_missing_without_and_none_of_them_may_be_null()
    {
        var schema = Merchant["components"]!["schemas"]!["CreatePaymentRequest"]!;

        Assert.Equal(["amount", "currency", "description", "merchant_order_id", "method"], schema["required"]!.AsArray().Select(r => (string)r!).Order(StringComparer.Ordinal));
        Assert.All(schema["required"]!.AsArray(), name => Assert.DoesNotContain("null", schema["properties"]![(string)name!]!["type"]!.AsArray().Select(t => (string)t!)));
        Assert.Contains("null", schema["properties"]!["expires_in_seconds"]!["type"]!.AsArray().Select(t => (string)t!));
    }

    [Theory]
    [InlineData(ApiAudience.Merchant)]
    [InlineData(ApiAudience.Operator)]
    public void Every_JSON_success_answer_has_an_example(ApiAudience audience)
    {
        var document = audience == ApiAudience.Merchant ? Merchant : Operator;
        var missing = Operations(document).SelectMany(o => o.Operation["responses"]!.AsObject()
            .Where(r => r.Key.StartsWith('2') && r.Value!["content"] is not null)
            .SelectMany(r => r.Value!["content"]!.AsObject()
                .Where(c => IsJson(c.Key) && c.Value!["example"] is null)
                .Select(c => $"{o.Operation["operationId"]} {r.Key} {c.Key}")));

        Assert.Empty(missing);
    }

    [Fact]
    public void An_answer_example_is_what_its_model_writes()
    {
        var examples = ApiCatalog.Operations.SelectMany(o => o.Value.OtherResponses.Values.Prepend(o.Value.Response).Select(c => (Name: o.Key, Content: c)))
            .Where(e => e.Content.Model is not null && e.Content.Example is not null)
            .ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, e =>
        {
            var read = e.Content.Example.Deserialize(e.Content.Model!, ApiJson.Options);
            var written = JsonSerializer.SerializeToNode(read, e.Content.Model!, ApiJson.Options);
            Assert.True(JsonNode.DeepEquals(e.Content.Example, written), $"{e.Name}: {e.Content.Example!.ToJsonString()}\nwrites {written?.ToJsonString()}");
        });
    }

    [Theory]
    [InlineData(ApiAudience.Merchant)]
    [InlineData(ApiAudience.Operator)]
    public void A_list_examples_url_is_its_operations_path(ApiAudience audience)
    {
        var document = audience == ApiAudience.Merchant ? Merchant : Operator;
        var lists = Operations(document).Where(o => o.Method == "get")
            .Select(o => (o.Path, o.Operation, Example: o.Operation["responses"]!["200"]?["content"]?["application/json"]?["example"]))
            .Where(o => o.Example?["object"]?.GetValue<string>() == "list" && o.Example["url"] is not null)
            .ToList();

        Assert.NotEmpty(lists);
        Assert.All(lists, o =>
        {
            var id = o.Operation["parameters"]?.AsArray().FirstOrDefault(p => (string)p!["in"]! == "path")?["example"]?.GetValue<string>();
            Assert.Equal(id is null ? o.Path : o.Path.Replace("{id}", id, StringComparison.Ordinal), (string)o.Example!["url"]!);
        });
    }

    [Fact]
    public void A_report_describes_its_CSV_form_beside_its_JSON_at_the_same_status()
    {
        var merchant = Operation(Merchant, ApiRoutes.GetPaymentReport)["responses"]!["200"]!["content"]!.AsObject();
        var platform = Operation(Operator, ApiRoutes.GetPlatformPaymentReport)["responses"]!["200"]!["content"]!.AsObject();

        Assert.All(new[] { merchant, platform }, content =>
        {
            Assert.Equal(["application/json", "text/csv"], content.Select(c => c.Key));
            Assert.Equal(2, ((string)content["text/csv"]!["example"]!).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        });
    }

    [Fact]
    public void Every_problem_code_a_catalog_entry_names_has_a_status()
    {
        Assert.All(ApiCatalog.Operations.Values.SelectMany(o => o.Problems), code => Assert.True(ProblemCodes.Status.ContainsKey(code), code));
    }

    [Fact]
    public async Task A_client_holding_the_documents_ETag_is_answered_304()
    {
        var first = await SendAsync(null);
        var etag = first.Response.Headers.ETag.ToString();
        var again = await SendAsync(etag);
        var other = await SendAsync("\"0\"");

        Assert.Equal(StatusCodes.Status200OK, first.Response.StatusCode);
        Assert.StartsWith("\"", etag, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status304NotModified, again.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, other.Response.StatusCode);
    }

    private static async Task<HttpContext> SendAsync(string? ifNoneMatch)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        await OpenApiEndpoints.MerchantDocument(context.Request).ExecuteAsync(context);
        return context;
    }

    private static JsonObject Served(ApiAudience audience)
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        var result = audience == ApiAudience.Merchant ? OpenApiEndpoints.MerchantDocument(context.Request) : OpenApiEndpoints.OperatorDocument(context.Request);
        result.ExecuteAsync(context).GetAwaiter().GetResult();
        return JsonNode.Parse(body.ToArray())!.AsObject();
    }

    private static bool IsJson(string mediaType) => mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(method => (path.Key, method.Key, method.Value!.AsObject())));

    private static JsonObject Operation(JsonObject document, ApiRoute route) =>
        Operations(document).Single(o => (string)o.Operation["operationId"]! == route.Name).Operation;

    private static IEnumerable<string> Codes(JsonObject operation, string status) =>
        operation["responses"]![status]!["content"]![ApiError.ContentType]!["schema"]!["allOf"]![1]!["properties"]!["code"]!["enum"]!.AsArray().Select(c => (string)c!);

    private static List<string> References(JsonNode node) => node switch
    {
        JsonObject o => [.. o.Where(p => p.Key == "$ref").Select(p => (string)p.Value!).Concat(o.Where(p => p.Value is not null).SelectMany(p => References(p.Value!)))],
        JsonArray a => [.. a.Where(i => i is not null).SelectMany(i => References(i!))],
        _ => [],
    };
}
