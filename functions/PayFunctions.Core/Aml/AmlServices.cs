using Microsoft.Extensions.DependencyInjection;

namespace PayFunctions.Core.Aml;

/// <summary>Anti-money-laundering monitoring's options and services, registered in one place for both hosts.</summary>
public static class AmlServices
{
    public static IServiceCollection AddAml(this IServiceCollection services)
    {
        services.AddOptions<AmlOptions>().BindConfiguration(AmlOptions.SectionName)
            .Validate(o => o.IsValid(), "Aml: TimeZone must be a known time zone; every standard positive; margins and retained shares 0–9999 basis points; windows positive (structuring and funnelling at most a day); at least 2 payments and payers.")
            .ValidateOnStart();
        services.AddSingleton<PayerPseudonyms>();
        services.AddSingleton<AmlIndex>();
        services.AddSingleton<AmlPayouts>();
        services.AddSingleton<AmlCaseStore>();
        services.AddSingleton<AmlRunStore>();
        services.AddSingleton<AmlReportFiles>();
        services.AddSingleton<AmlReportRunner>();
        services.AddSingleton<AmlScheduler>();
        services.AddSingleton<AmlEndpoints>();
        return services;
    }
}
