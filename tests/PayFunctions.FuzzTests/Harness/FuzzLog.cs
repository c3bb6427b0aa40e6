using Xunit.Abstractions;
using Xunit.Sdk;

namespace PayFunctions.FuzzTests.Harness;

/// <summary>
/// Where the case counts go: the runner's diagnostic messages (enabled in xunit.runner.json), which the console logger
/// prints at normal verbosity for passing tests too, unlike a test's own output.
/// </summary>
public sealed class FuzzLog(IMessageSink sink)
{
    public void Write(string line) => sink.OnMessage(new DiagnosticMessage(line));
}
