using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PayFunctions.Core.Storage;
using PayFunctions.FunctionApp;

var host = FunctionAppHost.CreateBuilder().Build();

await host.Services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
await host.RunAsync();
