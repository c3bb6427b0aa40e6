using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PayFunctions.Core;
using PayFunctions.Core.Configuration;
using PayFunctions.Core.Storage;
using PayFunctions.FunctionApp;

var host = new HostBuilder()
    .ConfigureFunctionsWebApplication(worker => worker.UseMiddleware<ProblemDetailsMiddleware>())
    .ConfigureServices((context, services) =>
    {
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        var transport = context.Configuration.GetSection(ChannelWorkOptions.SectionName).Get<ChannelWorkOptions>()?.Transport
            ?? ChannelWorkTransport.StorageQueue;
        services.AddPayFunctionsCore(transport);
    })
    .Build();

await host.Services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
await host.RunAsync();
