using System.Diagnostics;
using ChannelSandbox.Alipay;
using ChannelSandbox.AlipayPlus;
using ChannelSandbox.BankTransfer;
using ChannelSandbox.Faults;
using ChannelSandbox.PayPal;
using ChannelSandbox.Stripe;
using ChannelSandbox.UnionPay;
using ChannelSandbox.Webhooks;
using ChannelSandbox.WeChatPay;

namespace ChannelSandbox;

/// <summary>Builds the sandbox; the executable and the tests start the same application.</summary>
public static class SandboxApp
{
    public const string DefaultUrl = "http://127.0.0.1:7080";

    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // One line per call and per delivery is written below; the framework's own per-request lines would drown them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        var services = builder.Services;
        services.AddOptions<SandboxOptions>()
            .BindConfiguration(SandboxOptions.Section)
            .Validate(options => options.HasValidRetryDelays(), "Sandbox:NotifyRetryDelays must be a comma-separated list of non-negative TimeSpans.")
            .ValidateOnStart();
        services.ConfigureHttpJsonOptions(json => SandboxJson.Configure(json.SerializerOptions));
        services.AddSingleton(TimeProvider.System);
        services.AddSandboxFaults();
        services.AddWeChatPaySimulator();
        services.AddUnionPaySimulator();
        services.AddAlipaySimulator();
        services.AddAlipayPlusSimulator();
        services.AddBankTransferSimulator();
        services.AddStripeSimulator();
        services.AddPayPalSimulator();
        services.AddRequestRate();

        var app = builder.Build();
        app.Use(LogCallAsync);

        // Routing is placed explicitly after the fault prefix: it must match the path the prefix leaves.
        app.UseSandboxFaults();
        app.UseRouting();
        app.MapRequestRate();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapWeChatPaySimulator();
        app.MapUnionPaySimulator();
        app.MapAlipaySimulator();
        app.MapAlipayPlusSimulator();
        app.MapBankTransferSimulator();
        app.MapStripeSimulator();
        app.MapPayPalSimulator();
        app.MapWebhookSinks();
        app.MapSandboxFaultControl();
        return app;
    }

    private static async Task LogCallAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SandboxApp)).LogInformation(
            "{Method} {Path}{Query} -> {Status} in {Elapsed:F0} ms",
            context.Request.Method,
            context.Request.Path,
            context.Request.QueryString,
            context.Response.StatusCode,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
