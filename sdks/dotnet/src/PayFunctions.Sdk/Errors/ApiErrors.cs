namespace PayFunctions;

/// <summary>400: the request is malformed or a parameter is invalid; <see cref="PayFunctionsException.Param"/> names it.</summary>
public sealed class InvalidRequestException(ApiProblem problem, string? requestId)
    : PayFunctionsException(problem, requestId);

/// <summary>401: the API key is missing, unknown, expired or revoked.</summary>
public sealed class AuthenticationException(ApiProblem problem, string? requestId)
    : PayFunctionsException(problem, requestId);

/// <summary>403: the key is valid but may not do this (a scope it lacks, a live key on test data).</summary>
public sealed class PermissionException(ApiProblem problem, string? requestId)
    : PayFunctionsException(problem, requestId);

/// <summary>404: no such object for this merchant.</summary>
public sealed class NotFoundException(ApiProblem problem, string? requestId)
    : PayFunctionsException(problem, requestId);

/// <summary>409: the request conflicts with the object's state or with an earlier use of its idempotency key.</summary>
public sealed class ConflictException(ApiProblem problem, string? requestId)
    : PayFunctionsException(problem, requestId);

/// <summary>429: too many requests, still refused after the retries.</summary>
public sealed class RateLimitException(ApiProblem problem, string? requestId)
    : PayFunctionsException(problem, requestId);

/// <summary>A 5xx, or any other status the classes above do not cover.</summary>
public sealed class ApiException(ApiProblem problem, string? requestId)
    : PayFunctionsException(problem, requestId);

/// <summary>The API could not be reached, or did not answer in time, on any attempt.</summary>
public sealed class ApiConnectionException(string message, Exception? innerException)
    : PayFunctionsException(message, innerException);

/// <summary>A webhook delivery failed verification: missing headers, no matching signature, or a timestamp outside
/// the tolerance. Its body must not be trusted.</summary>
public sealed class WebhookVerificationException(string message)
    : PayFunctionsException(message);
