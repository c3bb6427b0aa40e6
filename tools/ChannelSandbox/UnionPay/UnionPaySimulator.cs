using ChannelSandbox.UnionPay.Files;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.UnionPay;

/// <summary>Registers the UnionPay simulator with the sandbox.</summary>
public static class UnionPaySimulator
{
    public static IServiceCollection AddUnionPaySimulator(this IServiceCollection services)
    {
        services.AddOptions<UnionPayIdentity>().BindConfiguration(UnionPayIdentity.Section);
        services.AddSingleton(provider => UnionPayKeyFiles.LoadOrCreate(
            provider.GetRequiredService<IOptions<SandboxOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnionPayKeyFiles))));
        services.AddSingleton<UnionPayMessages>();
        services.AddSingleton<UnionPayStore>();
        services.AddSingleton<UnionPayFaults>();
        services.AddSingleton<UnionPayGateway>();
        services.AddSingleton<FileDiscrepancies>();
        services.AddSingleton<ReconciliationFiles>();
        services.AddSingleton<UnionPayNotifier>();
        services.AddHostedService(provider => provider.GetRequiredService<UnionPayNotifier>());

        // 302 counts as an acknowledgement at UnionPay, so the notifier must see it rather than follow it.
        services.AddHttpClient(UnionPayNotifier.HttpClientName, (provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<SandboxOptions>>().Value.NotifyTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        return services;
    }

    public static void MapUnionPaySimulator(this IEndpointRouteBuilder app)
    {
        app.MapUnionPayGateway();
        app.MapUnionPayFront();
        app.MapUnionPaySandboxControl();
        app.MapUnionPayFileTransfer();
        app.MapUnionPayFileControl();
    }
}
