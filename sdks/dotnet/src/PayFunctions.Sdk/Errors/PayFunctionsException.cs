using System.Text.Json;

namespace PayFunctions;

/// <summary>The base of every error the SDK raises, so one <c>catch</c> handles them all. An error answer of the
/// API carries its problem document (RFC 9457) and the <c>Request-Id</c> header.</summary>
public class PayFunctionsException : Exception
{
    /// <summary>Creates an error with a message only.</summary>
    public PayFunctionsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    public PayFunctionsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error from the API's answer.</summary>
    public PayFunctionsException(ApiProblem problem, string? requestId)
        : base(DescribeProblem(problem, requestId))
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        RequestId = requestId;
    }

    /// <summary>The problem document of the answer; <c>null</c> for an error without an answer.</summary>
    public ApiProblem? Problem { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public int? StatusCode => Problem?.Status;

    /// <summary>The stable problem code, such as <c>parameter_invalid</c>.</summary>
    public string? Code => Problem?.Code;

    /// <summary>The request parameter the problem is about, when there is one.</summary>
    public string? Param => Problem?.Param;

    /// <summary>The problem's short title.</summary>
    public string? Title => Problem?.Title;

    /// <summary>The explanation of this occurrence.</summary>
    public string? Detail => Problem?.Detail;

    /// <summary>The problem type URI.</summary>
    public string? Type => Problem?.Type;

    /// <summary>The <c>Request-Id</c> header of the answer, to quote when asking about a request.</summary>
    public string? RequestId { get; }

    private static string DescribeProblem(ApiProblem problem, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var text = $"{problem.Status} {problem.Code}: {problem.Detail ?? problem.Title}";
        if (problem.Param is not null)
        {
            text += $" (param {problem.Param})";
        }

        return requestId is null ? text : $"{text} [request {requestId}]";
    }
}

/// <summary>A problem document (RFC 9457) as the API sends it.</summary>
public sealed class ApiProblem
{
    /// <summary>The problem type URI.</summary>
    public string? Type { get; init; }

    /// <summary>The short title of the problem type.</summary>
    public string? Title { get; init; }

    /// <summary>The HTTP status.</summary>
    public int Status { get; init; }

    /// <summary>The explanation of this occurrence.</summary>
    public string? Detail { get; init; }

    /// <summary>The stable problem code.</summary>
    public string? Code { get; init; }

    /// <summary>The parameter at fault, when there is one.</summary>
    public string? Param { get; init; }

    /// <summary>The whole document as parsed, with any member the fields above do not name; <c>null</c> when the
    /// answer was not JSON.</summary>
    public JsonElement? Document { get; init; }
}
