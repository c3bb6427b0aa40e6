using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PayFunctions.FunctionApp;

namespace PayFunctions.Infra.Tests.FunctionApp;

/// <summary>
/// The worker the Functions host starts, built by the same code as <c>Program</c> with the settings
/// the template provisions. A type that fails to load, a missing registration or a setting the
/// options reject fails here instead of as a crash loop in Azure.
/// </summary>
public sealed class WorkerStartupTests
{
    private static readonly Assembly App = typeof(FunctionAppHost).Assembly;

    // What the Functions host hands the worker process it starts (its command line, in configuration form).
    private static readonly Dictionary<string, string?> HostArguments = new()
    {
        ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:50051/",
        ["Functions:Worker:WorkerId"] = "0f5d3c8e-4a2b-4c1d-9e8f-7a6b5c4d3e2f",
        ["Functions:Worker:RequestId"] = "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d",
        ["Functions:Worker:GrpcMaxMessageLength"] = "2147483647",
    };

    // Registered by the worker only to be detected, with a factory that throws by design.
    private static readonly HashSet<string> Markers = ["Microsoft.Azure.Functions.Worker.OutputBindings.OutputBindingsMiddleware"];

    [Fact]
    public void Worker_builds_and_resolves_every_service_and_function_with_the_provisioned_settings()
    {
        // The worker runs its extensions' start-up code from the entry assembly, which is the test runner here.
        Assert.NotNull(App.GetCustomAttribute<WorkerExtensionStartupCodeExecutorInfoAttribute>());
        Assembly.SetEntryAssembly(App);

        IServiceCollection? registrations = null;
        using var host = FunctionAppHost.CreateBuilder()
            .ConfigureAppConfiguration(configuration => configuration
                .AddInMemoryCollection(ProvisionedSettings.AsConfiguration())
                .AddInMemoryCollection(HostArguments))
            .ConfigureServices(services => registrations = services)
            .Build();

        host.Services.GetService<IStartupValidator>()?.Validate();
        using var scope = host.Services.CreateScope();
        var failures = Unresolvable(registrations!, scope.ServiceProvider).Concat(UnconstructibleFunctions(scope.ServiceProvider)).ToList();

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static IEnumerable<string> Unresolvable(IServiceCollection registrations, IServiceProvider services)
    {
        var closed = registrations.Where(d => !d.ServiceType.ContainsGenericParameters && !Markers.Contains(d.ServiceType.FullName!)).ToList();
        Assert.NotEmpty(closed);
        foreach (var group in closed.GroupBy(d => (d.ServiceType, d.ServiceKey)))
        {
            var (type, key) = group.Key;
            string? failure = null;
            try
            {
                var resolved = key is null ? services.GetServices(type) : services.GetKeyedServices(type, key);
                _ = resolved.ToList();
            }
            catch (Exception e)
            {
                failure = $"{type.FullName}{(key is null ? "" : $" [{key}]")}: {e.GetType().Name}: {e.Message}";
            }

            if (failure is not null)
            {
                yield return failure;
            }
        }
    }

    private static IEnumerable<string> UnconstructibleFunctions(IServiceProvider services)
    {
        var functionClasses = App.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();
        Assert.NotEmpty(functionClasses);

        // Static classes hold only static functions; the worker instantiates the others per invocation.
        foreach (var type in functionClasses.Where(t => !(t.IsAbstract && t.IsSealed)))
        {
            string? failure = null;
            try
            {
                _ = ActivatorUtilities.CreateInstance(services, type);
            }
            catch (Exception e)
            {
                failure = $"{type.FullName}: {e.GetType().Name}: {e.Message}";
            }

            if (failure is not null)
            {
                yield return failure;
            }
        }
    }
}
