using Microsoft.AspNetCore.Http;

namespace PayFunctions.Core.Http;

public static class HealthEndpoint
{
    public static IResult Get() => Results.Json(new HealthStatus("ok"), ApiJson.Options);

    internal sealed record HealthStatus(string Status);
}
