using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using OpenTelemetry.Resources;
using PayFunctions.Core;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Telemetry;
using PayFunctions.LocalHost;

var builder = WebApplication.CreateBuilder(args);
var local = builder.Configuration.GetSection(LocalHostOptions.SectionName).Get<LocalHostOptions>() ?? new LocalHostOptions();
var apiUrl = new Uri(local.ApiUrl);

using var bootstrapLogging = LoggerFactory.Create(l => l.AddConsole());
using var azurite = new AzuriteLauncher();
if (local.StartAzurite)
{
    await azurite.EnsureRunningAsync(bootstrapLogging.CreateLogger("Azurite"), CancellationToken.None);
}

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Loopback, apiUrl.Port, o => o.Protocols = HttpProtocols.Http1);
    kestrel.Listen(IPAddress.Loopback, local.SidecarPort, o => o.Protocols = HttpProtocols.Http2);
});

// One counter for the platform's storage clients and the Durable engine's, which is built before the container.
var storageRequests = new StorageRequestCounter();
builder.Services.AddSingleton(storageRequests);
var transport = builder.Configuration.GetSection(ChannelWorkOptions.SectionName).Get<ChannelWorkOptions>()?.Transport ?? ChannelWorkTransport.StorageQueue;
builder.Services.AddPayFunctionsCore(transport);

// Off unless asked for: a host that neither exports nor measures builds no tracer and pays nothing per request.
var telemetry = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
if (telemetry.IsEnabled)
{
    builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("PayFunctions.LocalHost")).UsePayFunctionsTelemetry(telemetry);
}

// LocalHost polls its Storage queues itself, so each channel gets its own: a congested channel backs up alone.
builder.Services.PostConfigure<ChannelWorkOptions>(o => o.StorageQueuePrefix ??= ChannelWorkQueues.Storage);
builder.Services.AddOptions<DemoMerchantOptions>().BindConfiguration(DemoMerchantOptions.SectionName);
builder.Services.AddSingleton<DemoMerchantSeeder>();

using var loggerFactory = LoggerFactory.Create(l => l.AddConsole().AddFilter("DurableTask", LogLevel.Warning));
var orchestrationService = DurableSidecar.CreateService(builder.Configuration, loggerFactory, storageRequests);
builder.Services.AddDurableSidecar(orchestrationService, local.SidecarPort);
builder.Services.AddHostedService<StorageQueueChannelWorker>();
builder.Services.AddHostedService<SettlementTimer>();
builder.Services.AddHostedService<ReconciliationTimer>();
builder.Services.AddHostedService<AmlReportTimer>();
builder.Services.AddHostedService<EndedOrchestrationPurgeTimer>();
builder.Services.AddHostedService<ChannelInboxPoller>();

var app = builder.Build();
await orchestrationService.CreateIfNotExistsAsync();
await app.Services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
await app.Services.GetRequiredService<DemoMerchantSeeder>().SeedAsync(CancellationToken.None);

app.UseExceptionHandler(error => error.Run(async context =>
{
    var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
    // Kestrel refuses a body over its limit, or one it cannot read, by throwing while the endpoint reads it.
    var problem = failure switch
    {
        Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            new ApiError(StatusCodes.Status413PayloadTooLarge, "request_too_large", "The request body is larger than this host accepts."),
        Microsoft.AspNetCore.Http.BadHttpRequestException => new ApiError(StatusCodes.Status400BadRequest, "request_invalid", "The request could not be read."),
        _ => ApiError.Internal(),
    };
    await problem.ToResult().ExecuteAsync(context);
}));
app.MapGrpcService<TaskHubGrpcServer>().RequireHost($"*:{local.SidecarPort}");
app.MapPayFunctionsApi();
app.MapStorageRequestCounts();
if (telemetry.MeasureOverhead)
{
    app.MapGet(OverheadEndpoint.Path, OverheadEndpoint.Get).RequireHost($"*:{apiUrl.Port}");
}

app.Run();
