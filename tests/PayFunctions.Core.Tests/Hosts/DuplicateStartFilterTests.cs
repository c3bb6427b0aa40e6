using DurableTask.Core;
using DurableTask.Core.History;
using PayFunctions.LocalHost;

namespace PayFunctions.Core.Tests.Hosts;

public sealed class DuplicateStartFilterTests
{
    private const string InstanceId = "pay_zzzzd2xsrk5uf5eqdbfsjghr";

    [Fact]
    public void RepeatedStartOfTheStartedExecution_IsDropped_AndTheOtherMessagesKept()
    {
        var workItem = WorkItem(history: Started("e1"), Start("e1"), Raised("e1"));

        DuplicateStartFilter.DropRepeatedStarts(workItem);

        Assert.IsType<EventRaisedEvent>(Assert.Single(workItem.NewMessages).Event);
    }

    [Fact]
    public void StartOfANewInstance_IsKept()
    {
        var workItem = WorkItem(history: null, Start("e1"));

        DuplicateStartFilter.DropRepeatedStarts(workItem);

        Assert.IsType<ExecutionStartedEvent>(Assert.Single(workItem.NewMessages).Event);
    }

    [Fact]
    public void StartOfAnotherExecution_IsKept()
    {
        var workItem = WorkItem(history: Started("e1"), Start("e2"));

        DuplicateStartFilter.DropRepeatedStarts(workItem);

        Assert.Equal("e2", Assert.Single(workItem.NewMessages).OrchestrationInstance.ExecutionId);
    }

    private static TaskOrchestrationWorkItem WorkItem(ExecutionStartedEvent? history, params TaskMessage[] messages) => new()
    {
        InstanceId = InstanceId,
        OrchestrationRuntimeState = history is null ? new OrchestrationRuntimeState() : new OrchestrationRuntimeState([history]),
        NewMessages = [.. messages],
    };

    private static ExecutionStartedEvent Started(string executionId) => new(-1, "{}")
    {
        Name = "PaymentOrchestrator",
        OrchestrationInstance = new OrchestrationInstance { InstanceId = InstanceId, ExecutionId = executionId },
    };

    private static TaskMessage Start(string executionId) => new()
    {
        Event = Started(executionId),
        OrchestrationInstance = new OrchestrationInstance { InstanceId = InstanceId, ExecutionId = executionId },
    };

    private static TaskMessage Raised(string executionId) => new()
    {
        Event = new EventRaisedEvent(-1, "{}") { Name = "PrepayResult" },
        OrchestrationInstance = new OrchestrationInstance { InstanceId = InstanceId, ExecutionId = executionId },
    };
}
