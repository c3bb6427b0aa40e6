using ChannelSandbox.Statements;
using ChannelSandbox.WeChatPay.Bills;
using ChannelSandbox.WeChatPay.Notifications;
using ChannelSandbox.WeChatPay.Refunds;
using ChannelSandbox.WeChatPay.WebAuthorization;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.WeChatPay;

/// <summary>Registers the WeChat Pay simulator: its keys, orders, refunds, bills, faults, notification worker, web authorization and routes.</summary>
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
        services.AddSingleton<BillDiscrepancies>();
        services.AddSingleton<TradeBills>();
        services.AddSingleton<PreparedBills>();
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
        // A bill download is authenticated like any v3 call but answered unsigned: its integrity is the hash the signed bill answer gave.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/v3", StringComparison.Ordinal)
                && !context.Request.Path.StartsWithSegments(TradeBillApi.DownloadPath, StringComparison.Ordinal),
            v3 => v3.UseMiddleware<PlatformResponseSigning>());
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/v3", StringComparison.Ordinal),
            v3 => v3.UseMiddleware<MerchantAuthentication>());
        app.MapWeChatPayTransactions();
        app.MapWeChatPayRefunds();
        app.MapWeChatPayTradeBill();
        app.MapWeChatWebAuthorization();
        app.MapWeChatPaySandboxControl();
        app.MapWeChatPayRefundControl();
        app.MapWeChatPayBillControl();
        app.MapWeChatPayPlatformKeysControl();
        return app;
    }
}
