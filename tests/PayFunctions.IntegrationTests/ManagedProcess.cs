using System.Diagnostics;
using System.Text;

namespace PayFunctions.IntegrationTests;

/// <summary>
/// A child process whose output is kept for failure messages and which can be killed hard. The kept output is a tail;
/// with a log file, every line is also written there in full (what the end-of-run secret scan reads).
/// </summary>
public sealed class ManagedProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private StreamWriter? log;

    private ManagedProcess(Process process, string? logFile)
    {
        this.process = process;
        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
            log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static ManagedProcess Start(
        string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string> environment, string? logFile = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new ManagedProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}."), logFile);
    }

    /// <summary>SIGKILL: no graceful shutdown, exactly like a crashed host.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
        lock (output)
        {
            log?.Dispose();
            log = null;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            log?.WriteLine(line);
            output.AppendLine(line);
            if (output.Length > 200_000)
            {
                output.Remove(0, output.Length - 100_000);
            }
        }
    }
}
