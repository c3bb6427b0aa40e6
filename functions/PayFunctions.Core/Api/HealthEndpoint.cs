using Microsoft.AspNetCore.Http;

namespace PayFunctions.Core.Api;

public static class HealthEndpoint
{
    public static IResult Get() => Results.Json(new { status = "ok" }, ApiJson.Options);
}
