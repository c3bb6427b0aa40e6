using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.RoutingSimulation;

/// <summary>
/// The platform's own channel plumbing, configured with one account per strategy and letter (<c>ours-a</c>,
/// <c>static-c</c>, ...). Each is the development account LocalHost ships with (the sandbox's merchant and keys, like
/// sub-merchants of one service provider), its base URLs pointing at the sandbox under the fault profile of its name.
/// </summary>
public static class SimulatedPlatform
{
    public static ServiceProvider Build(SandboxProcess sandbox, IChannelModule module, IEnumerable<string> accounts, Action<IServiceCollection> more)
    {
        var capabilities = module.Capabilities;
        var template = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(SandboxProcess.RepositoryRoot(), "functions", "PayFunctions.LocalHost", "appsettings.json"))
            .Build()
            .GetSection($"Channels:{capabilities.ConfigurationKey}:Accounts:main");
        if (!template.GetChildren().Any())
        {
            throw new InvalidOperationException($"LocalHost has no development account for {capabilities.Name} to copy.");
        }

        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            var prefix = $"Channels:{capabilities.ConfigurationKey}:Accounts:{account}:";
            foreach (var setting in template.GetChildren())
            {
                settings[prefix + setting.Key] = setting.Value;
            }

            foreach (var hostSetting in capabilities.HostSettings)
            {
                settings[prefix + hostSetting] = new Uri(sandbox.BaseUrl, $"faults/{account}").AbsoluteUri;
            }

            CopySecrets(sandbox.SecretsDirectory, capabilities, account);
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISecretStore>(new LocalDirectorySecretStore(sandbox.SecretsDirectory));
        services.AddSingleton(Options.Create(new ApiOptions { PublicBaseUrl = new Uri("http://127.0.0.1:9/") }));
        services.AddSingleton(new StorageClients(Options.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" })));
        services.AddHttpClient(ChannelRegistry.HttpClientName(capabilities.Name), client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ChannelRegistry>();
        more(services);
        return services.BuildServiceProvider();
    }

    /// <summary>The sandbox wrote the development account's secrets; every simulated account holds the same ones.</summary>
    private static void CopySecrets(string directory, ChannelCapabilities capabilities, string account)
    {
        foreach (var secret in capabilities.SecretNames)
        {
            var source = Path.Combine(directory, ChannelRegistry.SecretName(capabilities.Name, "main", secret));
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(directory, ChannelRegistry.SecretName(capabilities.Name, account, secret)), overwrite: true);
            }
        }
    }
}
