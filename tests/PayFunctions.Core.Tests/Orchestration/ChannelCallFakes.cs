using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Channels;

namespace PayFunctions.Core.Tests.Orchestration;

/// <summary>
/// Plays the channel queue and its workers for queued channel calls: each call the fake enqueue activity is given is
/// logged under the name of the service that runs it on a worker, answered as scripted (a scripted exception is a
/// failure answer) and raised to the orchestration, as a worker does.
/// </summary>
public sealed class ChannelCallFakes(ActivityLog log, Func<DurableTaskClient> client, CancellationToken cancellation)
{
    private readonly Dictionary<string, Func<string, object?>> operations = new(StringComparer.Ordinal);

    /// <summary>Every call enqueued, in order, answered or not.</summary>
    public ConcurrentQueue<ChannelCallRequest> Enqueued { get; } = new();

    /// <summary>Whether a call is answered at all: false plays a message lost on the way.</summary>
    public Func<ChannelCallRequest, bool> Delivers { get; set; } = _ => true;

    /// <summary>Answers <paramref name="operation"/> with <paramref name="answer"/>, logging its input as <paramref name="service"/>.</summary>
    public ChannelCallFakes On<TIn, TOut>(string operation, string service, Func<TIn, TOut> answer)
    {
        operations[operation] = json =>
        {
            var input = JsonSerializer.Deserialize<TIn>(json)!;
            log.Record(service, input);
            return answer(input);
        };
        return this;
    }

    /// <summary>What the fake enqueue activity does: the answer follows on its own, as a worker's would.</summary>
    public bool Enqueue(ChannelCallRequest request)
    {
        Enqueued.Enqueue(request);
        if (Delivers(request))
        {
            _ = Task.Run(() => AnswerAsync(request));
        }

        return true;
    }

    private async Task AnswerAsync(ChannelCallRequest request)
    {
        ChannelCallAnswer answer;
        try
        {
            answer = ChannelCallAnswer.Success(JsonSerializer.Serialize(operations[request.Operation](request.Input)));
        }
        catch (Exception e) when (e is not KeyNotFoundException)
        {
            answer = ChannelCallAnswer.Failure(e);
        }

        await client().RaiseEventAsync(request.InstanceId, ChannelCallEvents.AnswerOf(request.CallId), answer, cancellation);
    }
}
