using ChannelSandbox.WeChatPay.Notifications;
using ChannelSandbox.WeChatPay.Refunds;
using ChannelSandbox.WeChatPay.WebAuthorization;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.WeChatPay;

/// <summary>Registers the WeChat Pay simulator: its keys, orders, refunds, faults, notification worker, web authorization and routes.</summary>
public static class WeChatPaySimulator
{
    public static IServiceCollection AddWeChatPaySimulator(this IServiceCollection services)
    {
        services.AddOptions<WeChatPayIdentity>().BindConfiguration(WeChatPayIdentity.Section);
        services.AddSingleton(provider => WeChatPayKeyFiles.LoadOrCreate(
            provider.GetRequiredService<IOptions<SandboxOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WeChatPayKeyFiles))));
        services.AddSingleton<PlatformSigningKeys>();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<AuthorizationCodes>();
        services.AddSingleton<CodePayFaults>();
        services.AddSingleton<AnswerFaults>();
        services.AddSingleton<RefundStore>();
        services.AddSingleton<RefundSettlement>();
        services.AddHostedService<RefundSettlementWorker>();
        services.AddSingleton<NotificationFactory>();
        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<NotificationSender>();
        services.AddHostedService<NotificationWorker>();
        services.AddHttpClient(NotificationSender.HttpClientName, (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<SandboxOptions>>().Value.NotifyTimeout);
        return services;
    }

    public static WebApplication MapWeChatPaySimulator(this WebApplication app)
    {
        // Created now rather than on the first call, so the merchant's secrets exist as soon as the sandbox runs.
        app.Services.GetRequiredService<WeChatPayKeys>();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/v3", StringComparison.Ordinal),
            v3 => v3.UseMiddleware<PlatformResponseSigning>().UseMiddleware<MerchantAuthentication>());
        app.MapWeChatPayTransactions();
        app.MapWeChatPayRefunds();
        app.MapWeChatWebAuthorization();
        app.MapWeChatPaySandboxControl();
        app.MapWeChatPayRefundControl();
        app.MapWeChatPayPlatformKeysControl();
        return app;
    }
}
