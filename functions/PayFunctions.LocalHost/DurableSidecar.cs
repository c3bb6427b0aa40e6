using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using PayFunctions.Core.Orchestration;
using PayFunctions.Core.Storage;

namespace PayFunctions.LocalHost;

/// <summary>
/// Durable Task without the Functions host: the portable SDK's worker and client talk gRPC to an
/// in-process sidecar that runs the same Azure Storage engine Durable Functions uses, on Azurite.
/// </summary>
public static class DurableSidecar
{
    public static AzureStorageOrchestrationService CreateService(IConfiguration configuration, ILoggerFactory loggerFactory, StorageRequestCounter counter)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var durable = configuration.GetSection(DurableOptions.SectionName).Get<DurableOptions>() ?? new DurableOptions();
        var local = configuration.GetSection(LocalHostOptions.SectionName).Get<LocalHostOptions>() ?? new LocalHostOptions();
        return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = CountedClients(
                storage.ConnectionString ?? throw new InvalidOperationException("LocalHost needs Storage:ConnectionString."), counter),
            TaskHubName = durable.TaskHub,

            // One process runs the whole task hub, so partitions, which spread a hub's orchestrations over
            // instances, buy nothing here and cost a poll of each control queue: one queue is a quarter of the
            // engine's idle polling. The partition count is fixed when a task hub is created, which is why
            // LocalHost's hub is named apart from the Functions app's (appsettings.json).
            PartitionCount = 1,
            WorkerId = local.WorkerId,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),

            // Messages a crashed host had dequeued come back after this long (the default is five
            // minutes): a restarted host picks a payment up within seconds, including a prepay that
            // was in flight. The engine renews the visibility of work it is still running.
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            LoggerFactory = loggerFactory,
        });
    }

    /// <summary>The engine's own storage clients, counted like the platform's so a payment's cost includes the engine's requests.</summary>
    private static StorageAccountClientProvider CountedClients(string connectionString, StorageRequestCounter counter) => new(
        StorageServiceClientProvider.ForBlob(connectionString, counter.Attach(new BlobClientOptions(), StorageRequestCounter.DurableEngine, StorageService.Blob)),
        StorageServiceClientProvider.ForQueue(connectionString, counter.Attach(new QueueClientOptions(), StorageRequestCounter.DurableEngine, StorageService.Queue)),
        StorageServiceClientProvider.ForTable(connectionString, counter.Attach(new TableClientOptions(), StorageRequestCounter.DurableEngine, StorageService.Table)));

    public static IServiceCollection AddDurableSidecar(this IServiceCollection services, AzureStorageOrchestrationService service, int sidecarPort)
    {
        services.AddGrpc();
        services.AddSingleton<IOrchestrationService>(new DuplicateStartFilter(service));
        services.AddSingleton<IOrchestrationServiceClient>(service);
        services.AddSingleton<TaskHubGrpcServer>();

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{sidecarPort}", SidecarChannelOptions());
        services.AddDurableTaskWorker(builder =>
        {
            builder.AddTasks(registry =>
            {
                foreach (var orchestrator in PayFunctionsTasks.Orchestrators)
                {
                    registry.AddOrchestrator(orchestrator);
                }

                foreach (var activity in PayFunctionsTasks.Activities)
                {
                    registry.AddActivity(activity);
                }
            });
            builder.UseGrpc(channel);
        });
        services.AddDurableTaskClient(builder => builder.UseGrpc(channel));
        return services;
    }

    /// <summary>
    /// The worker dials the sidecar before Kestrel listens, so the channel starts in connect backoff;
    /// by default a call made during that backoff fails at once with Unavailable (an API request
    /// answered 500 in the first seconds, and after a restart). Short reconnect backoff plus retrying
    /// Unavailable, which means the call never reached the sidecar, makes those calls wait instead.
    /// </summary>
    private static GrpcChannelOptions SidecarChannelOptions() => new()
    {
        InitialReconnectBackoff = TimeSpan.FromMilliseconds(100),
        MaxReconnectBackoff = TimeSpan.FromSeconds(1),
        ServiceConfig = new ServiceConfig
        {
            MethodConfigs =
            {
                new MethodConfig
                {
                    Names = { MethodName.Default },
                    RetryPolicy = new RetryPolicy
                    {
                        MaxAttempts = 5,
                        InitialBackoff = TimeSpan.FromMilliseconds(200),
                        MaxBackoff = TimeSpan.FromSeconds(2),
                        BackoffMultiplier = 2,
                        RetryableStatusCodes = { StatusCode.Unavailable },
                    },
                },
            },
        },
    };
}
