using Microsoft.AspNetCore.Http;

namespace PayFunctions.Core.Http;

/// <summary>
/// What a create answered. It is stored and replayed byte for byte, except when it shows a secret
/// once: then <paramref name="ReplayJson"/>, the same answer without the secret, is what is stored.
/// </summary>
public sealed record StoredResponse(int Status, string Json, string ContentType, string? ReplayJson = null)
{
    public IResult ToResult() => Results.Text(Json, ContentType, statusCode: Status);
}

/// <summary>
/// Runs a create under the request's <c>Idempotency-Key</c> with the semantics merchants know from card-payment APIs: the same key
/// and body replays the stored answer, another body is a 422, a concurrent duplicate a 409. The
/// resource id is chosen before the create runs and kept with the key, so a retry after a crash
/// finishes the same resource instead of making a second one. An answer that said "not done yet"
/// (a 202) may be refreshed on replay by the caller's <c>refreshReplay</c>: the same resource, as it is now.
/// </summary>
public sealed class IdempotentPost(IdempotencyStore idempotency)
{
    public const int MaxKeyLength = 255;

    public async Task<IResult> RunAsync(
        HttpRequest request,
        string scope,
        byte[] body,
        Func<string> newId,
        Func<string, Task<StoredResponse>> create,
        CancellationToken cancellationToken,
        Func<StoredResponse, Task<IResult?>>? refreshReplay = null)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > MaxKeyLength)
        {
            return ApiError.InvalidRequest("Idempotency-Key", $"Idempotency-Key must be at most {MaxKeyLength} characters.").ToResult();
        }

        if (key.Length == 0)
        {
            return (await create(newId())).ToResult();
        }

        var decision = await idempotency.BeginAsync(scope, key, IdempotencyStore.HashRequest(request.Method, request.Path, body), newId, cancellationToken);
        switch (decision)
        {
            case IdempotencyDecision.Replay replay:
                request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
                var stored = new StoredResponse(replay.Status, replay.Body, replay.ContentType);
                return (refreshReplay is null ? null : await refreshReplay(stored)) ?? stored.ToResult();
            case IdempotencyDecision.InProgress:
                return new ApiError(StatusCodes.Status409Conflict, "idempotency_key_in_use", "A request with this Idempotency-Key is still being processed.", "Retry after it completes.", "Idempotency-Key").ToResult();
            case IdempotencyDecision.Mismatch:
                return new ApiError(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused", "This Idempotency-Key was used with a different request.", "Use a new key for a different request.", "Idempotency-Key").ToResult();
        }

        try
        {
            var proceed = (IdempotencyDecision.Proceed)decision;
            var outcome = await create(proceed.ResourceId);
            await idempotency.CompleteAsync(scope, key, proceed.Claim, outcome.Status, outcome.ReplayJson ?? outcome.Json, outcome.ContentType, cancellationToken);
            return outcome.ToResult();
        }
        catch
        {
            await idempotency.AbandonAsync(scope, key, CancellationToken.None);
            throw;
        }
    }
}
