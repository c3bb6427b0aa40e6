using System.Collections.Concurrent;

namespace ChannelSandbox.Tests;

/// <summary>A merchant's notify endpoint: records every POST byte for byte and answers with scripted statuses.</summary>
public sealed class NotifyListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _replies = new();
    private readonly ConcurrentQueue<Received> _received = new();

    private NotifyListener(IEnumerable<int> replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }

        var builder = WebApplication.CreateBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/notify", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var headers = request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new Received(headers, body.ToArray()));
            return _replies.TryDequeue(out var status) ? Results.StatusCode(status) : Results.NoContent();
        });
    }

    public string Url => new Uri(new Uri(_app.Urls.Single()), "/notify").ToString();

    public IReadOnlyList<Received> Received => [.. _received];

    /// <summary>Starts a listener that answers the given statuses first, then 204.</summary>
    public static async Task<NotifyListener> StartAsync(params int[] replies)
    {
        var listener = new NotifyListener(replies);
        await listener._app.StartAsync();
        return listener;
    }

    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        return Received;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record Received(IReadOnlyDictionary<string, string> Headers, byte[] Body);
