using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.RateLimiting;

namespace PayFunctions.FunctionApp;

/// <summary>Core's rate limits around every HTTP function, and the audit of its 401 answers, as LocalHost's endpoint filter applies them.</summary>
public sealed class RateLimitMiddleware(ApiRateLimiter limiter, AuthenticationFailureAudit authenticationFailures) : IFunctionsWorkerMiddleware
{
    // Function names are the route names; a test checks the generated metadata against ApiRoutes.
    private static readonly Dictionary<string, ApiRoute> Routes = ApiRoutes.All.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var route = Routes.GetValueOrDefault(context.FunctionDefinition.Name);
        var http = route is null ? null : context.GetHttpContext();
        if (route is null || http is null)
        {
            await next(context);
            return;
        }

        if (limiter.Admit(http, route) is { } refused)
        {
            // The ASP.NET Core integration writes the invocation's action result once the pipeline returns.
            context.GetInvocationResult().Value = new ResultActionResult(refused);
            return;
        }

        await next(context);
        var result = (context.GetInvocationResult().Value as ResultActionResult)?.Result;
        limiter.Observe(http, route, result);
        await authenticationFailures.ObserveAsync(http, route, result);
    }
}
