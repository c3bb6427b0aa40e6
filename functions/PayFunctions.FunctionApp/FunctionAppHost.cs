using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PayFunctions.Core;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Telemetry;

namespace PayFunctions.FunctionApp;

/// <summary>
/// The worker's host, built the same way by <c>Program</c> and by the test that proves the worker
/// starts with the settings infra provisions.
/// </summary>
public static class FunctionAppHost
{
    /// <summary>Set by Azure from the Application Insights resource; telemetry is exported only where it is.</summary>
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The worker reads the host's endpoint from its environment and command line itself.</summary>
    public static IHostBuilder CreateBuilder() =>
        new HostBuilder()
            .ConfigureFunctionsWebApplication(worker => worker.UseMiddleware<ProblemDetailsMiddleware>().UseMiddleware<ApiGuardMiddleware>())
            .ConfigureServices((context, services) =>
            {
                var options = context.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
                var telemetry = services.AddOpenTelemetry().UseFunctionsWorkerDefaults().UsePayFunctionsTelemetry(options);
                if (!string.IsNullOrEmpty(context.Configuration[ApplicationInsightsConnectionString]))
                {
                    // Application Insights takes only Entra-authenticated telemetry; the identity is AZURE_CLIENT_ID's.
                    telemetry.UseAzureMonitorExporter(exporter => exporter.Credential = new DefaultAzureCredential());
                }

                var transport = context.Configuration.GetSection(ChannelWorkOptions.SectionName).Get<ChannelWorkOptions>()?.Transport
                    ?? ChannelWorkTransport.StorageQueue;
                services.AddPayFunctionsCore(transport);
            });
}
