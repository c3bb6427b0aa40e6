using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChannelSandbox.Stripe;

/// <summary>
/// What every API call goes through, as at Stripe: the secret key as a bearer token (401 otherwise), injected faults,
/// form parameters (the body of a POST, the query of a GET), and for POSTs the <c>Idempotency-Key</c>: the same key with
/// the same parameters replays the first answer; with other parameters it is a 400 <c>idempotency_error</c>.
/// </summary>
public sealed class StripeRequests(StripeKeys keys, StripeFaults faults)
{
    private readonly Dictionary<string, Replay> _replays = new(StringComparer.Ordinal);

    /// <summary>An answer: the HTTP status and the JSON body.</summary>
    public sealed record Answer(int Status, JsonObject Body);

    public async Task<IResult> HandleAsync(HttpContext context, Func<JsonObject, Uri, Answer> handle)
    {
        var request = context.Request;
        if (!Authenticated(request))
        {
            return Write(Error(StatusCodes.Status401Unauthorized, "invalid_request_error", null, "Invalid API Key provided."));
        }

        if (faults.Take(StripeFaults.ApiError, StripeFaults.RateLimit) is { } fault)
        {
            return Write(fault == StripeFaults.RateLimit
                ? Error(StatusCodes.Status429TooManyRequests, "invalid_request_error", "rate_limit", "Too many requests hit the API too quickly.")
                : Error(StatusCodes.Status500InternalServerError, "api_error", null, "Something went wrong on Stripe's end."));
        }

        var encoded = HttpMethods.IsPost(request.Method)
            ? await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted)
            : request.QueryString.Value ?? string.Empty;
        if (StripeForm.Parse(encoded) is not { } parameters)
        {
            return Write(Error(StatusCodes.Status400BadRequest, "invalid_request_error", "parameter_invalid", "Invalid parameter key."));
        }

        var apiBase = new Uri($"{request.Scheme}://{request.Host}/");
        var key = request.Headers["Idempotency-Key"].ToString();
        if (!HttpMethods.IsPost(request.Method) || key.Length == 0)
        {
            return Write(handle(parameters, apiBase));
        }

        if (key.Length > 255)
        {
            return Write(Error(StatusCodes.Status400BadRequest, "invalid_request_error", null, "Idempotency keys are at most 255 characters."));
        }

        var fingerprint = request.Path + "?" + StripeForm.Canonical(encoded);
        Replay replay;
        lock (_replays)
        {
            if (!_replays.TryGetValue(key, out replay!))
            {
                _replays[key] = replay = new Replay(fingerprint);
            }
        }

        // One request per key at a time; a second with the same key waits for the first's answer, then replays it.
        await replay.Gate.WaitAsync(context.RequestAborted);
        try
        {
            if (replay.Fingerprint != fingerprint)
            {
                return Write(Error(
                    StatusCodes.Status400BadRequest,
                    "idempotency_error",
                    null,
                    $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request."));
            }

            replay.Answer ??= handle(parameters, apiBase);
            context.Response.Headers["Idempotent-Replayed"] = replay.Replayed ? "true" : "false";
            replay.Replayed = true;
            return Write(replay.Answer);
        }
        finally
        {
            replay.Gate.Release();
        }
    }

    public static Answer Error(int status, string type, string? code, string message, string? param = null) =>
        new(status, new JsonObject
        {
            ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message, ["param"] = param },
        });

    public static Answer NoSuch(string type, string id) =>
        Error(StatusCodes.Status404NotFound, "invalid_request_error", "resource_missing", $"No such {type}: '{id}'", "id");

    public static Answer Ok(JsonObject body) => new(StatusCodes.Status200OK, body);

    private bool Authenticated(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return header.StartsWith(Bearer, StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Bearer.Length..]), Encoding.UTF8.GetBytes(keys.SecretKey));
    }

    private static IResult Write(Answer answer) =>
        Results.Text(answer.Body.ToJsonString(), "application/json", Encoding.UTF8, answer.Status);

    private sealed class Replay(string fingerprint)
    {
        public string Fingerprint { get; } = fingerprint;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Answer? Answer { get; set; }

        public bool Replayed { get; set; }
    }
}
