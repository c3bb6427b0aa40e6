using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.RateLimiting;
using PayFunctions.Core.Security;

namespace PayFunctions.FunctionApp;

/// <summary>The request's id, Core's rate limits and then its access check around every HTTP function, and the audit of its 401 answers, as LocalHost's endpoint filter applies them.</summary>
public sealed class ApiGuardMiddleware(ApiRateLimiter limiter, ApiGate gate, AuthenticationFailureAudit authenticationFailures) : IFunctionsWorkerMiddleware
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

        RequestIds.Assign(http);

        // The ASP.NET Core integration writes the invocation's action result once the pipeline returns.
        if (limiter.Admit(http, route) is { } limited)
        {
            context.GetInvocationResult().Value = new ResultActionResult(limited);
            return;
        }

        var result = await gate.AdmitAsync(http, route, context.CancellationToken);
        if (result is not null)
        {
            context.GetInvocationResult().Value = new ResultActionResult(result);
        }
        else
        {
            await next(context);
            result = (context.GetInvocationResult().Value as ResultActionResult)?.Result;
        }

        limiter.Observe(http, route, result);
        await authenticationFailures.ObserveAsync(http, route, result);
    }
}
