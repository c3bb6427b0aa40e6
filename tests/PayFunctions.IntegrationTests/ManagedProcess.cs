using System.Diagnostics;
using System.Text;

namespace PayFunctions.IntegrationTests;

/// <summary>A child process whose output is kept for failure messages and which can be killed hard.</summary>
public sealed class ManagedProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ManagedProcess(Process process)
    {
        this.process = process;
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

    public static ManagedProcess Start(string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string> environment)
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

        return new ManagedProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}."));
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
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
            if (output.Length > 200_000)
            {
                output.Remove(0, output.Length - 100_000);
            }
        }
    }
}
