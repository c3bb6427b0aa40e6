using System.Collections.Concurrent;

namespace ChannelSandbox.Webhooks;

/// <summary>Stands in for a merchant's server, so the webhooks the platform sends can be seen and refused at will.</summary>
public static class WebhookSinkApi
{
    public static void MapWebhookSinks(this IEndpointRouteBuilder app)
    {
        var sinks = new ConcurrentDictionary<string, WebhookSink>(StringComparer.Ordinal);
        var sink = app.MapGroup("/sandbox/webhooks/{sink}");

        sink.MapPost("/", async (string sink, HttpRequest request, TimeProvider time) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            var headers = request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var status = sinks.GetOrAdd(sink, _ => new WebhookSink()).Receive(headers, body, time.GetUtcNow());
            return Results.StatusCode(status);
        });

        sink.MapGet("/", (string sink) =>
            Results.Json(sinks.TryGetValue(sink, out var found) ? found.Received() : [], SandboxJson.Options));

        sink.MapPut("/behaviour", async (string sink, HttpRequest request) =>
        {
            var (behaviour, valid) = await SandboxJson.ReadOptionalAsync<Behaviour>(request, request.HttpContext.RequestAborted);
            var failNext = behaviour?.FailNext ?? 0;
            var status = behaviour?.Status ?? StatusCodes.Status500InternalServerError;
            if (!valid || failNext < 0 || status is < 300 or > 599)
            {
                return Results.Json(
                    new { code = "INVALID_BODY", message = "Expected {\"fail_next\": int >= 0, \"status\": 300..599}." },
                    SandboxJson.Options,
                    statusCode: StatusCodes.Status400BadRequest);
            }

            sinks.GetOrAdd(sink, _ => new WebhookSink()).Behave(failNext, status);
            return Results.Json(new { fail_next = failNext, status }, SandboxJson.Options);
        });
    }

    private sealed record Behaviour(int? FailNext, int? Status);
}
