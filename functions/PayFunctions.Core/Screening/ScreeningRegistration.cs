using Microsoft.Extensions.DependencyInjection;

namespace PayFunctions.Core.Screening;

/// <summary>Sanctions screening's options, stores, index and endpoints, for both hosts.</summary>
public static class ScreeningRegistration
{
    public static IServiceCollection AddSanctionsScreening(this IServiceCollection services)
    {
        services.AddOptions<ScreeningOptions>().BindConfiguration(ScreeningOptions.SectionName)
            .Validate(o => o.IsValid(), "Screening:RefreshInterval must be more than 0 and at most 01:00:00, and Screening:Threshold 0.5–1.").ValidateOnStart();
        services.AddSingleton<SanctionsLists>();
        services.AddSingleton<SanctionsIndex>();
        services.AddSingleton<ScreeningHitStore>();
        services.AddSingleton<PayoutBlocks>();
        services.AddSingleton<SanctionsScreener>();
        services.AddSingleton<IPartyScreener>(provider => provider.GetRequiredService<SanctionsScreener>());
        services.AddSingleton<SanctionsListEndpoints>();
        services.AddSingleton<ScreeningHitEndpoints>();
        return services;
    }
}
