using Microsoft.Extensions.Options;

namespace ChannelSandbox.PayPal;

/// <summary>Registers the PayPal simulator with the sandbox.</summary>
public static class PayPalSimulator
{
    public static IServiceCollection AddPayPalSimulator(this IServiceCollection services)
    {
        services.AddOptions<PayPalSandboxOptions>().BindConfiguration(PayPalSandboxOptions.Section);
        services.AddSingleton(provider => PayPalKeys.LoadOrCreate(
            provider.GetRequiredService<IOptions<SandboxOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<PayPalKeys>()));
        services.AddSingleton<PayPalStore>();
        services.AddSingleton<PayPalFaults>();
        services.AddSingleton<PayPalWebhooks>();
        services.AddHostedService(provider => provider.GetRequiredService<PayPalWebhooks>());

        // A redirect is not a 2xx: PayPal counts it as a failed delivery, so the sender must see it rather than follow it.
        services.AddHttpClient(PayPalWebhooks.HttpClientName, (provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<SandboxOptions>>().Value.NotifyTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        return services;
    }

    public static void MapPayPalSimulator(this IEndpointRouteBuilder app)
    {
        app.MapPayPalRestApi();
        app.MapPayPalCheckoutPage();
        app.MapPayPalSandboxControl();
    }
}
