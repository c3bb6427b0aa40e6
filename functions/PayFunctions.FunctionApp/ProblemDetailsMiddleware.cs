using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Http;

namespace PayFunctions.FunctionApp;

/// <summary>An unexpected failure in an HTTP function answers an RFC 9457 problem, never a stack trace.</summary>
public sealed class ProblemDetailsMiddleware(ILogger<ProblemDetailsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { } http && !http.Response.HasStarted)
        {
            logger.LogError(e, "Function {Function} failed (request {RequestId})", context.FunctionDefinition.Name, RequestIds.Of(http));
            await ApiError.Internal().ToResult().ExecuteAsync(http);
        }
    }
}
