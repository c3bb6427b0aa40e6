using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PayFunctions.Tests;

/// <summary>A request the scripted server received.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, Dictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>An HTTP server on loopback that answers each request with the next step of its script, and records
/// what it received. A request beyond the script gets a 599 so a test that sends too many fails visibly.</summary>
internal sealed class ScriptedServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<Func<HttpListenerContext, Task>> script = new();
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly Task loop;

    public ScriptedServer()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/api";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyList<ReceivedRequest> Requests => [.. received];

    /// <summary>A port nothing listens on, for connection-refused tests.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public ScriptedServer Respond(int status, string json, params (string Name, string Value)[] headers) =>
        RespondAfter(TimeSpan.Zero, status, json, headers);

    public ScriptedServer RespondAfter(TimeSpan delay, int status, string json, params (string Name, string Value)[] headers)
    {
        script.Enqueue(async context =>
        {
            await Task.Delay(delay);
            var response = context.Response;
            response.StatusCode = status;
            response.ContentType = status >= 400 ? "application/problem+json" : "application/json";
            foreach (var (name, value) in headers)
            {
                response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(json);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        });
        return this;
    }

    public ScriptedServer RespondProblem(int status, string code, string? param = null, params (string Name, string Value)[] headers)
    {
        var paramJson = param is null ? "null" : $"\"{param}\"";
        return Respond(
            status,
            $$"""{"type":"https://payfunctions.dev/problems/{{code}}","title":"{{code}}","status":{{status}},"detail":"scripted","code":"{{code}}","param":{{paramJson}}}""",
            headers);
    }

    /// <summary>Promises a body, sends part of it and closes the connection, as a crash or a reset mid-answer would.</summary>
    public ScriptedServer Drop()
    {
        script.Enqueue(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength64 = 1000;
            await context.Response.OutputStream.WriteAsync("{\"id\":"u8.ToArray());
            await context.Response.OutputStream.FlushAsync();
            context.Response.Abort();
        });
        return this;
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener's shutdown ends the pending GetContextAsync with an exception; nothing is left to serve.
        }
    }

    private static async Task AnswerAsync(Func<HttpListenerContext, Task> step, HttpListenerContext context)
    {
        try
        {
            await step(context);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up on this request (its timeout); there is no one left to answer.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys
                .Where(key => key is not null)
                .ToDictionary(key => key!, key => context.Request.Headers[key]!, StringComparer.OrdinalIgnoreCase);
            received.Enqueue(new ReceivedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "", headers, body));

            if (script.TryDequeue(out var step))
            {
                // Not awaited: a step that holds its answer back must not keep the next request waiting.
                _ = Task.Run(() => AnswerAsync(step, context));
            }
            else
            {
                context.Response.StatusCode = 599;
                context.Response.Close();
            }
        }
    }
}
