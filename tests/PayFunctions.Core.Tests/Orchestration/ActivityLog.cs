using System.Collections.Concurrent;

namespace PayFunctions.Core.Tests.Orchestration;

/// <summary>Every activity invocation in the order the fakes ran, safe to append from worker threads.</summary>
public sealed class ActivityLog
{
    private readonly ConcurrentQueue<(string Activity, object Input)> calls = new();

    public void Record(string activity, object input) => calls.Enqueue((activity, input));

    public IReadOnlyList<string> Names => [.. calls.Select(c => c.Activity)];

    public IReadOnlyList<T> InputsOf<T>(string activity) => [.. calls.Where(c => c.Activity == activity).Select(c => (T)c.Input)];

    public int CountOf(string activity) => calls.Count(c => c.Activity == activity);
}
