using System.Reflection;
using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.Tests.Hosts;

/// <summary>Operators alert on event ids: one id means one message, across the assemblies that log them.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void EveryLoggerMessage_HasAnEventIdOfItsOwn()
    {
        Assembly[] assemblies = [typeof(ApiRoutes).Assembly, typeof(IChannelModule).Assembly, typeof(PayFunctions.LocalHost.StorageQueueChannelWorker).Assembly];
        var messages = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        Assert.NotEmpty(messages);
        var shared = messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}");
        Assert.Empty(shared);
    }
}
