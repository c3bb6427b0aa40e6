using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// The API descriptions the host serves are what the host does: both lint clean with Redocly's recommended rules, and
/// every documented operation, sent its own example, answers a documented status with a body its documented schema
/// accepts. Creates run first and their ids feed the examples that name an object; what ends an object runs last.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class OpenApiTests(PlatformFixture platform)
{
    private const string MerchantDocument = "api/openapi.json";
    private const string OperatorDocument = "api/openapi/ops.json";

    /// <summary>Which live object an operation's path parameter names; an operation not here is sent its example's value.</summary>
    private static readonly Dictionary<string, string> PathObject = new(StringComparer.Ordinal)
    {
        ["GetPayment"] = "payment", ["ClosePayment"] = "payment", ["CheckoutPage"] = "payment", ["CheckoutStatus"] = "payment",
        ["CheckoutChooseMethod"] = "payment", ["CheckoutRedirect"] = "payment", ["CheckoutReturn"] = "payment", ["ReleaseRiskReview"] = "payment",
        ["CapturePayment"] = "paid", ["CreateRefund"] = "paid", ["ListRefunds"] = "paid", ["GetPaymentTimeline"] = "paid",
        ["GetRefund"] = "refund", ["GetAccount"] = "account", ["DeactivateAccount"] = "account",
        ["RollApiKey"] = "api_key", ["RevokeApiKey"] = "api_key",
        ["GetStore"] = "store", ["GetStoreQrPng"] = "store", ["GetStoreQrSvg"] = "store",
        ["StoreCodePage"] = "store_code", ["StoreCodePay"] = "store_code", ["StoreCodeAuthorized"] = "store_code",
        ["UpdateRiskRule"] = "risk_rule", ["DeleteRiskRule"] = "risk_rule",
        ["UpdatePlatformRiskRule"] = "platform_rule", ["DeletePlatformRiskRule"] = "platform_rule",
        ["DisableOperator"] = "operator", ["GetReconciliationRun"] = "reconciliation_run", ["GetReconciliationReport"] = "reconciliation_run",
        ["GetAmlCase"] = "aml_case", ["AddAmlCaseNote"] = "aml_case", ["EscalateAmlCase"] = "aml_case", ["CloseAmlCase"] = "aml_case",
    };

    /// <summary>What an operation's answer makes: its <c>id</c> is kept under this name for the examples after it.</summary>
    private static readonly Dictionary<string, string> Makes = new(StringComparer.Ordinal)
    {
        ["CreateRefund"] = "refund", ["CreateAccount"] = "account", ["CreateApiKey"] = "api_key", ["RollApiKey"] = "api_key",
        ["CreateStore"] = "store", ["CreateRiskRule"] = "risk_rule", ["CreatePlatformRiskRule"] = "platform_rule",
        ["CreateOperator"] = "operator", ["OpenAmlCase"] = "aml_case", ["RunReconciliation"] = "reconciliation_run",
    };

    /// <summary>What ends an object, in the order they run after everything else.</summary>
    private static readonly string[] Last =
    [
        "RollApiKey", "RevokeApiKey", "DeactivateAccount", "DeleteRiskRule", "DeletePlatformRiskRule", "DisableOperator", "ClosePayment",
        "EscalateAmlCase", "CloseAmlCase",
    ];

    /// <summary>
    /// Operations whose example would change what the whole platform uses (its IP-to-region database, a sanctions
    /// list every party is screened against): they are sent a damaged body and must answer the documented problem.
    /// </summary>
    private static readonly Dictionary<string, (string Body, HttpStatusCode Expected)> Damaged = new(StringComparer.Ordinal)
    {
        ["ReplaceIpRegions"] = ("not an address,nor this,XX\n", HttpStatusCode.BadRequest),
        ["ReplaceSanctionsList"] = ("<sdnList><sdnEntry>", HttpStatusCode.BadRequest),
    };

    [Fact]
    public async Task Both_descriptions_are_served_cacheable_and_lint_clean_with_the_recommended_rules()
    {
        var directory = Directory.CreateTempSubdirectory("openapi-");
        try
        {
            var files = new List<string>();
            foreach (var path in new[] { MerchantDocument, OperatorDocument })
            {
                using var response = await platform.Api.GetAsync(path);
                var text = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("3.1.0", (string?)JsonNode.Parse(text)!["openapi"]);

                using var again = new HttpRequestMessage(HttpMethod.Get, path);
                again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
                using var revalidated = await platform.Api.SendAsync(again);
                Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

                var file = Path.Combine(directory.FullName, path.Replace('/', '-'));
                await File.WriteAllTextAsync(file, text);
                files.Add(file);
            }

            var (exit, output) = await RunAsync(
                Path.Combine(PlatformFixture.RepositoryRoot, "node_modules", ".bin", "redocly"),
                ["lint", "--config", Path.Combine(PlatformFixture.RepositoryRoot, "redocly.yaml"), .. files]);

            Assert.True(exit == 0, $"redocly lint exited {exit}:\n{output}");
            Assert.DoesNotContain("warning", output.Replace("Deprecation warning", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Every_documented_operation_answers_its_example_with_a_documented_status_and_schema()
    {
        var merchant = await DocumentAsync(MerchantDocument);
        var operators = await DocumentAsync(OperatorDocument);
        var live = new Dictionary<string, string>(StringComparer.Ordinal);
        var replaced = new Dictionary<string, string>(StringComparer.Ordinal);

        // A merchant of this test's own, onboarded by the description's own example, so its examples change nobody else's objects.
        var onboarding = Operations(operators).Single(o => o.Id == "CreateMerchant");
        var onboarded = await SendAsync(onboarding, PlatformFixture.OperatorKey, live, replaced);
        Assert.True(onboarded.Status == HttpStatusCode.Created, $"onboarding answered {onboarded.Status}: {onboarded.Body}");
        var onboardedBody = JsonNode.Parse(onboarded.Body)!;
        var key = (string)onboardedBody["test_api_key"]!;
        replaced["mch_example"] = (string)onboardedBody["id"]!;
        live["payment"] = await CreatePaymentAsync(key);
        live["paid"] = await CreatePaymentAsync(key);
        var scenario = new Scenario(platform);
        Assert.Equal(HttpStatusCode.OK, await scenario.PayAsync(live["paid"]));
        await scenario.WaitForStatusAsync(live["paid"], "succeeded", TimeSpan.FromSeconds(30), key);

        var failures = new List<string>();
        var requestIds = new HashSet<string>(StringComparer.Ordinal);
        var planned = Operations(merchant).Select(o => (Operation: o, Document: merchant, Key: key))
            .Concat(Operations(operators).Where(o => o.Id != onboarding.Id).Select(o => (Operation: o, Document: operators, Key: PlatformFixture.OperatorKey)))
            .OrderBy(p => Array.IndexOf(Last, p.Operation.Id) is var last and >= 0 ? 2 + last : p.Operation.Responses.ContainsKey("201") ? 0 : 1)
            .ToList();
        failures.AddRange(Check(onboarding, operators, onboarded));
        foreach (var (operation, document, credential) in planned)
        {
            var answer = await SendAsync(operation, operation.Public ? null : credential, live, replaced);
            failures.AddRange(Check(operation, document, answer));
            if (answer.RequestId is { } requestId && !requestIds.Add(requestId))
            {
                failures.Add($"{operation.Id}: Request-Id {requestId} was given to an earlier answer too");
            }

            if (Damaged.TryGetValue(operation.Id, out var damaged) && answer.Status != damaged.Expected)
            {
                failures.Add($"{operation.Id}: a damaged body answered {answer.Status}, not {damaged.Expected}: {answer.Body}");
            }

            if ((int)answer.Status is >= 200 and < 300 && Makes.TryGetValue(operation.Id, out var made) && JsonNode.Parse(answer.Body)?["id"] is { } id)
            {
                live[made] = (string)id!;
                if (made == "store" && JsonNode.Parse(answer.Body)?["code_url"] is { } codeUrl)
                {
                    live["store_code"] = ((string)codeUrl!).Split('/')[^1];
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n" + platform.HostLogTail());
        Assert.Equal(["account", "aml_case", "api_key", "operator", "paid", "payment", "platform_rule", "refund", "risk_rule", "store", "store_code"],
            live.Keys.Where(k => k != "reconciliation_run").Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Check(Operation operation, JsonObject document, Answer answer)
    {
        var status = ((int)answer.Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses[status] is not JsonObject response)
        {
            yield return $"{operation.Id}: answered {status}, which it does not document ({string.Join(", ", operation.Responses.Select(r => r.Key))}): {answer.Body}";
            yield break;
        }

        if (response["headers"]?["Request-Id"] is not null && !RequestIdFormat().IsMatch(answer.RequestId ?? ""))
        {
            yield return $"{operation.Id}: answered {status} with Request-Id '{answer.RequestId}', documented as req_ and 24 characters";
        }

        if (response["content"] is not JsonObject content)
        {
            yield break;
        }

        var documented = content.FirstOrDefault(c => c.Key == "*/*" || c.Key == answer.MediaType);
        if (documented.Value is null)
        {
            yield return $"{operation.Id}: answered {status} as {answer.MediaType}, documented as {string.Join(", ", content.Select(c => c.Key))}";
            yield break;
        }

        if (answer.MediaType is "application/json" or "application/problem+json")
        {
            var result = Schema(document, documented.Value["schema"]!).Evaluate(JsonDocument.Parse(answer.Body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!result.IsValid)
            {
                var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
                yield return $"{operation.Id}: the {status} answer does not match its schema: {string.Join("; ", errors)}\n{answer.Body}";
            }
        }
    }

    /// <summary>The documented schema with the description's components as its <c>$defs</c>, so its references resolve.</summary>
    private static JsonSchema Schema(JsonObject document, JsonNode schema)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = document["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = root.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://payfunctions.test/{Guid.NewGuid():N}"));
    }

    private async Task<Answer> SendAsync(Operation operation, string? credential, Dictionary<string, string> live, Dictionary<string, string> replaced)
    {
        var path = operation.Path;
        var query = new List<string>();
        var headers = new List<(string Name, string Value)>();
        foreach (var parameter in operation.Parameters)
        {
            var name = (string)parameter["name"]!;
            var example = parameter["example"]?.ToString();
            switch ((string)parameter["in"]!)
            {
                case "path":
                    var value = PathObject.TryGetValue(operation.Id, out var kind) && live.TryGetValue(kind, out var id) ? id : example!;
                    path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
                    break;
                case "query" when example is not null && (string)parameter["name"]! != "starting_after":
                    query.Add(name + "=" + Uri.EscapeDataString(Replaced(example, replaced)));
                    break;
                case "header" when name == "Idempotency-Key":
                    headers.Add((name, Guid.NewGuid().ToString("N")));
                    break;
            }
        }

        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path.TrimStart('/') + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        if (operation.Body is { } body)
        {
            var text = Damaged.TryGetValue(operation.Id, out var damaged) ? damaged.Body
                : body.MediaType == "application/x-www-form-urlencoded" ? string.Join('&', body.Example!.AsObject().Select(f => f.Key + "=" + Uri.EscapeDataString((string)f.Value!)))
                : body.Example is JsonValue value && value.TryGetValue<string>(out var raw) ? raw
                : Replaced(body.Example!.ToJsonString(), replaced);
            request.Content = new StringContent(text, Encoding.UTF8, body.MediaType == "*/*" ? "application/json" : body.MediaType);
        }

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = platform.Api.BaseAddress };
        using var response = await client.SendAsync(request);
        var requestId = response.Headers.TryGetValues("Request-Id", out var ids) ? string.Join(",", ids) : null;
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync(), requestId);
    }

    private static string Replaced(string text, Dictionary<string, string> replaced) =>
        replaced.Aggregate(text, (current, pair) => current.Replace(pair.Key, pair.Value, StringComparison.Ordinal));

    private async Task<string> CreatePaymentAsync(string key)
    {
        using var request = platform.Request(HttpMethod.Post, "api/v1/payments", key, Scenario.PaymentBody(Scenario.NewOrderId()));
        using var response = await platform.Api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create answered {response.StatusCode}: {body}");
        return (string)JsonNode.Parse(body)!["id"]!;
    }

    private async Task<JsonObject> DocumentAsync(string path) => JsonNode.Parse(await platform.Api.GetStringAsync(path))!.AsObject();

    private static List<Operation> Operations(JsonObject document) =>
    [
        .. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(method =>
        {
            var operation = method.Value!.AsObject();
            var body = operation["requestBody"]?["content"]?.AsObject().Single() is { } content
                ? new Body(content.Key, content.Value!["example"])
                : null;
            return new Operation(
                (string)operation["operationId"]!,
                method.Key.ToUpperInvariant(),
                path.Key,
                operation["security"]!.AsArray().Count == 0,
                [.. (operation["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject())],
                body,
                operation["responses"]!.AsObject());
        })),
    ];

    private static async Task<(int Exit, string Output)> RunAsync(string fileName, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = PlatformFixture.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private sealed record Operation(string Id, string Method, string Path, bool Public, IReadOnlyList<JsonObject> Parameters, Body? Body, JsonObject Responses);

    private sealed record Body(string MediaType, JsonNode? Example);

    [GeneratedRegex("^req_[0-9a-z]{24}$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestIdFormat();

    private sealed record Answer(HttpStatusCode Status, string MediaType, string Body, string? RequestId);
}
