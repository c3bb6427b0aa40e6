namespace ChannelSandbox.Faults;

/// <summary>Registers account-level fault injection: the profiles, the path prefix that plays them and their control API.</summary>
public static class SandboxFaults
{
    public static IServiceCollection AddSandboxFaults(this IServiceCollection services) => services.AddSingleton<FaultProfiles>();

    /// <summary>Must run before routing, so the simulators' routes see the path without the prefix.</summary>
    public static IApplicationBuilder UseSandboxFaults(this IApplicationBuilder app) => app.UseMiddleware<FaultPrefix>();
}
