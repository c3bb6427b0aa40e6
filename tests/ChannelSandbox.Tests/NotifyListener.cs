using System.Collections.Concurrent;

namespace ChannelSandbox.Tests;

/// <summary>A merchant's notify endpoint: records every POST byte for byte and answers with scripted statuses.</summary>
public sealed class NotifyListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _replies = new();
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly string _path;

    private NotifyListener(string path, IEnumerable<int> replies)
    {
        _path = path;
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }

        var builder = WebApplication.CreateBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost(path, async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var headers = request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new Received(headers, body.ToArray()));
            return _replies.TryDequeue(out var status) ? Results.StatusCode(status) : Results.NoContent();
        });
    }

    public string Url => new Uri(BaseUrl, _path).ToString();

    public Uri BaseUrl => new(_app.Urls.Single());

    public IReadOnlyList<Received> Received => [.. _received];

    /// <summary>Starts a listener that answers the given statuses first, then 204.</summary>
    public static Task<NotifyListener> StartAsync(params int[] replies) => StartAtAsync("/notify", replies);

    /// <summary>Starts a listener at <paramref name="path"/>, for channels whose callback address is fixed on the account.</summary>
    public static async Task<NotifyListener> StartAtAsync(string path, params int[] replies)
    {
        var listener = new NotifyListener(path, replies);
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
