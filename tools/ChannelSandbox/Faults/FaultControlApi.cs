namespace ChannelSandbox.Faults;

/// <summary><c>PUT</c>, <c>GET</c> and <c>DELETE /sandbox/faults/{profile}</c>: set a profile's faults, read its counters, forget it.</summary>
public static class FaultControlApi
{
    public static void MapSandboxFaultControl(this IEndpointRouteBuilder app)
    {
        var profile = app.MapGroup("/sandbox/faults/{profile}");

        profile.MapPut("/", async (string profile, HttpRequest request, FaultProfiles profiles) =>
        {
            if (!FaultProfiles.IsValidName(profile))
            {
                return InvalidName();
            }

            var (settings, valid) = await SandboxJson.ReadOptionalAsync<FaultSettings>(request, request.HttpContext.RequestAborted);
            settings ??= new FaultSettings();
            var problem = valid ? settings.Problem() : "The body is not a JSON object of known fault fields.";
            if (problem is not null)
            {
                return Error(StatusCodes.Status400BadRequest, "INVALID_BODY", problem);
            }

            var found = profiles.GetOrAdd(profile);
            if (found is null)
            {
                return Error(StatusCodes.Status409Conflict, "TOO_MANY_PROFILES", $"At most {FaultProfiles.MaxProfiles} profiles; delete one first.");
            }

            found.Configure(settings);
            return Results.Json(found.View(profile), SandboxJson.Options);
        });

        profile.MapGet("/", (string profile, FaultProfiles profiles) =>
            !FaultProfiles.IsValidName(profile) ? InvalidName()
            : profiles.Find(profile) is { } found ? Results.Json(found.View(profile), SandboxJson.Options)
            : Error(StatusCodes.Status404NotFound, "PROFILE_NOT_FOUND", "No call or setting has named this profile."));

        profile.MapDelete("/", (string profile, FaultProfiles profiles) =>
            !FaultProfiles.IsValidName(profile) ? InvalidName()
            : profiles.Remove(profile) ? Results.NoContent()
            : Error(StatusCodes.Status404NotFound, "PROFILE_NOT_FOUND", "No call or setting has named this profile."));
    }

    private static IResult InvalidName() =>
        Error(StatusCodes.Status400BadRequest, "INVALID_PROFILE", "A profile name is 1 to 32 of a-z, 0-9 and -.");

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { code, message }, SandboxJson.Options, statusCode: status);
}
