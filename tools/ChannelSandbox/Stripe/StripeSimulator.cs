using Microsoft.Extensions.Options;

namespace ChannelSandbox.Stripe;

/// <summary>Registers the Stripe simulator with the sandbox.</summary>
public static class StripeSimulator
{
    public static IServiceCollection AddStripeSimulator(this IServiceCollection services)
    {
        services.AddSingleton(provider => StripeKeys.LoadOrCreate(provider.GetRequiredService<IOptions<SandboxOptions>>().Value));
        services.AddSingleton<StripeStore>();
        services.AddSingleton<StripeFaults>();
        services.AddSingleton<StripeRequests>();
        services.AddSingleton<StripePayments>();
        services.AddSingleton<StripeWebhooks>();
        services.AddHostedService(provider => provider.GetRequiredService<StripeWebhooks>());

        // Stripe counts only a 2xx as delivered: a redirect is a failure, not something to follow.
        services.AddHttpClient(StripeWebhooks.HttpClientName, (provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<SandboxOptions>>().Value.NotifyTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        return services;
    }

    public static void MapStripeSimulator(this IEndpointRouteBuilder app)
    {
        app.MapStripeApi();
        app.MapStripeCheckoutPages();
        app.MapStripeSandboxControl();
    }
}
