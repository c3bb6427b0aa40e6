using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;

namespace PayFunctions.RoutingSimulation;

/// <summary>
/// The channel sandbox as a child process on a free loopback port, with its keys and state in a fresh temporary folder.
/// Its per-call log is drained and only its tail kept, for the error message should it fail to start.
/// </summary>
public sealed class SandboxProcess : IDisposable
{
    private const int KeptOutput = 20_000;

    private readonly Process process;
    private readonly System.Text.StringBuilder tail = new();

    private SandboxProcess(Process process, Uri baseUrl, string folder)
    {
        this.process = process;
        BaseUrl = baseUrl;
        Folder = folder;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

    public string Folder { get; }

    public string SecretsDirectory => Path.Combine(Folder, "secrets");

    public static async Task<SandboxProcess> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "routing-simulation-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SandboxDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl.AbsoluteUri.TrimEnd('/'));
        start.Environment["Sandbox__SecretsDirectory"] = Path.Combine(folder, "secrets");
        start.Environment["Sandbox__StateDirectory"] = Path.Combine(folder, "state");

        // One line per call would be most of the sandbox's work at this rate.
        start.Environment["Logging__LogLevel__ChannelSandbox"] = "Warning";
        var sandbox = new SandboxProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the sandbox."), baseUrl, folder);
        try
        {
            await sandbox.WaitForHealthAsync(cancellationToken);
            return sandbox;
        }
        catch
        {
            sandbox.Dispose();
            throw;
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PayFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying child; the temporary folder is cleaned by the OS.
        }
    }

    private async Task WaitForHealthAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 600 && !process.HasExited; i++)
        {
            try
            {
                using var response = await client.GetAsync("health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new InvalidOperationException($"The sandbox at {BaseUrl} never became healthy:\n{Tail()}");
    }

    private string Tail()
    {
        lock (tail)
        {
            return tail.ToString();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (tail)
        {
            tail.AppendLine(line);
            if (tail.Length > KeptOutput)
            {
                tail.Remove(0, tail.Length - (KeptOutput / 2));
            }
        }
    }

    private static string SandboxDll()
    {
        var configuration = typeof(SandboxProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Configuration").Value!;
        var path = Path.Combine(RepositoryRoot(), "tools", "ChannelSandbox", "bin", configuration, "net10.0", "ChannelSandbox.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build tools/ChannelSandbox first.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
