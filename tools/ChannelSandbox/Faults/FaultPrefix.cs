using System.Text;

namespace ChannelSandbox.Faults;

/// <summary>
/// Serves <c>/faults/{profile}/{rest}</c> as <c>/{rest}</c> after playing the profile's faults, so an account whose base
/// URL carries the prefix meets its own faults while every simulator stays unaware of them. The prefix moves to
/// <see cref="HttpRequest.PathBase"/>: the raw request target a signature covers is left as the client sent it.
/// </summary>
public sealed class FaultPrefix(RequestDelegate next, FaultProfiles profiles, TimeProvider time, IHostApplicationLifetime lifetime)
{
    public const string Prefix = "/faults";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!TrySplit(context.Request.Path, out var name, out var rest))
        {
            await next(context);
            return;
        }

        // Past the cap an unknown profile is served as if it had no faults, uncounted.
        var plan = profiles.GetOrAdd(name)?.Plan(rest.Value!) ?? FaultPlan.PassThrough;
        if (plan.Delay > TimeSpan.Zero)
        {
            try
            {
                // Not cut short when the client gives up: a slow channel still carries out the call it was sent.
                await Task.Delay(plan.Delay, time, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
        }

        if (plan.Answer is { } answer)
        {
            context.Response.StatusCode = answer.Status;
            if (answer.JsonBody is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer.JsonBody), context.RequestAborted);
            }

            return;
        }

        var originalBase = context.Request.PathBase;
        var originalPath = context.Request.Path;
        context.Request.PathBase = originalBase.Add(Prefix + "/" + name);
        context.Request.Path = rest;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.PathBase = originalBase;
            context.Request.Path = originalPath;
        }
    }

    /// <summary>The profile and the rest of <c>/faults/{profile}/{rest}</c>; false for any other path or an invalid name.</summary>
    public static bool TrySplit(PathString path, out string name, out PathString rest)
    {
        name = "";
        rest = PathString.Empty;
        if (!path.StartsWithSegments(Prefix, StringComparison.Ordinal, out var remaining) || !remaining.HasValue)
        {
            return false;
        }

        var value = remaining.Value!;
        var end = value.IndexOf('/', 1);
        name = end < 0 ? value[1..] : value[1..end];
        rest = new PathString(end < 0 ? "/" : value[end..]);
        return FaultProfiles.IsValidName(name);
    }
}
