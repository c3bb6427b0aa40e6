using Microsoft.Extensions.Options;

namespace ChannelSandbox.AlipayPlus;

/// <summary>Registers the Alipay+ simulator: its keys, payments, faults, notification worker and routes.</summary>
public static class AlipayPlusSimulator
{
    public static IServiceCollection AddAlipayPlusSimulator(this IServiceCollection services)
    {
        services.AddOptions<AlipayPlusSandboxOptions>()
            .BindConfiguration(AlipayPlusSandboxOptions.Section)
            .Validate(options => options.HasValidRetryDelays(), "Sandbox:AlipayPlus:NotifyRetryDelays must be a comma-separated list of non-negative TimeSpans.")
            .ValidateOnStart();
        services.AddSingleton(provider => AlipayPlusKeys.LoadOrCreate(
            provider.GetRequiredService<IOptions<SandboxOptions>>().Value,
            provider.GetRequiredService<IOptions<AlipayPlusSandboxOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<AlipayPlusKeys>()));
        services.AddSingleton<AlipayPlusStore>();
        services.AddSingleton<AlipayPlusFaults>();
        services.AddSingleton<AlipayPlusNotificationQueue>();
        services.AddSingleton<AlipayPlusNotificationSender>();
        services.AddHostedService<AlipayPlusNotificationWorker>();
        services.AddHttpClient(AlipayPlusNotificationSender.HttpClientName, (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<SandboxOptions>>().Value.NotifyTimeout);
        return services;
    }

    public static WebApplication MapAlipayPlusSimulator(this WebApplication app)
    {
        // Created now rather than on the first call, so the merchant's secrets exist as soon as the sandbox runs.
        app.Services.GetRequiredService<AlipayPlusKeys>();
        app.MapAlipayPlusApi();
        app.MapAlipayPlusWalletPage();
        app.MapAlipayPlusControl();
        return app;
    }
}
