using ChannelSandbox.Alipay.Bills;
using ChannelSandbox.Statements;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.Alipay;

/// <summary>Registers the Alipay simulator: its keys, trades, faults, notification worker and routes.</summary>
public static class AlipaySimulator
{
    public static IServiceCollection AddAlipaySimulator(this IServiceCollection services)
    {
        services.AddOptions<AlipaySandboxOptions>()
            .BindConfiguration(AlipaySandboxOptions.Section)
            .Validate(options => options.HasValidRetryDelays(), "Sandbox:Alipay:NotifyRetryDelays must be a comma-separated list of non-negative TimeSpans.")
            .ValidateOnStart();
        services.AddSingleton(provider => AlipayKeys.LoadOrCreate(
            provider.GetRequiredService<IOptions<SandboxOptions>>().Value,
            provider.GetRequiredService<IOptions<AlipaySandboxOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<AlipayKeys>()));
        services.AddSingleton<AlipayTradeStore>();
        services.AddSingleton<AlipayFaults>();
        services.AddKeyedSingleton<BillDiscrepancies>(AlipayBills.Key);
        services.AddSingleton<AlipayBills>();
        services.AddSingleton<AlipayPreparedBills>();
        services.AddSingleton<AlipayNotificationFactory>();
        services.AddSingleton<AlipayNotificationQueue>();
        services.AddSingleton<AlipayNotificationSender>();
        services.AddHostedService<AlipayNotificationWorker>();
        services.AddHttpClient(AlipayNotificationSender.HttpClientName, (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<SandboxOptions>>().Value.NotifyTimeout);
        return services;
    }

    public static WebApplication MapAlipaySimulator(this WebApplication app)
    {
        // Created now rather than on the first call, so the merchant's secrets exist as soon as the sandbox runs.
        app.Services.GetRequiredService<AlipayKeys>();
        app.MapAlipayGateway();
        app.MapAlipayCashier();
        app.MapAlipaySandboxControl();
        app.MapAlipayBill();
        app.MapAlipayBillControl();
        return app;
    }
}
