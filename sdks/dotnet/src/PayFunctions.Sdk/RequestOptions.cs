namespace PayFunctions;

/// <summary>Per-call settings that are not part of the API's parameters.</summary>
public sealed class RequestOptions
{
    /// <summary>The <c>Idempotency-Key</c> of a POST. When left out, the client makes a random UUID once per call and
    /// keeps it across that call's retries.</summary>
    public string? IdempotencyKey { get; set; }
}
