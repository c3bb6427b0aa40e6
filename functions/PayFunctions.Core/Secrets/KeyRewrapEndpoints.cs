using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Secrets;

/// <summary>The operator runs the re-wrap after rotating the key-encryption key; the answer counts what it did.</summary>
public sealed class KeyRewrapEndpoints(KeyRewrapJob job, AuditLog audit)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        var report = await job.RunAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent(
            AuditEventTypes.KeyRewrapRun,
            caller.Actor,
            report.KeyVersion,
            new Dictionary<string, object?> { ["scanned"] = report.Scanned, ["rewrapped"] = report.Rewrapped, ["failed"] = report.Failed },
            AuditRequests.IdOf(request)));
        return Results.Json(report, ApiJson.Options);
    }
}
