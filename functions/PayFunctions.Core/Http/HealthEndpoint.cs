using Microsoft.AspNetCore.Http;

namespace PayFunctions.Core.Http;

public static class HealthEndpoint
{
    public static IResult Get() => Results.Json(new { status = "ok" }, ApiJson.Options);
}
