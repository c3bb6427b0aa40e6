using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PayFunctions.Core.Tests.Orchestration;

/// <summary>
/// The engine's context, recording when each durable timer one replay creates is due. Every replay runs
/// the orchestration from its start, so the last one's record holds every timer the instance made, and
/// each timer is a message the task hub keeps until its time comes, cancelled or not.
/// </summary>
internal sealed class TimerRecordingContext(TaskOrchestrationContext inner, Action<IReadOnlyList<DateTime>> created) : TaskOrchestrationContext
{
    private readonly List<DateTime> timers = [];

    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        timers.Add(fireAt);
        created([.. timers]);
        return inner.CreateTimer(fireAt, cancellationToken);
    }

    public override T? GetInput<T>() where T : default => inner.GetInput<T>();

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override Guid NewGuid() => inner.NewGuid();
}
