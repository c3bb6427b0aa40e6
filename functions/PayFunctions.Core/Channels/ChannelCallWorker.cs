using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Refunds;

namespace PayFunctions.Core.Channels;

/// <summary>
/// A channel worker's side of a queued channel call: runs the operation the call names (each goes through the account's
/// pipeline and waits for a permit of its throttle, first come first served) and raises its answer, success or failure,
/// to the orchestration that asked. The orchestration retries a failure, so the worker does not.
/// </summary>
public sealed partial class ChannelCallWorker(
    CloseAtChannelActivity close,
    QueryChannelActivity query,
    CancelAtChannelActivity cancel,
    CaptureAtChannelActivity capture,
    RefundAtChannelActivity refund,
    QueryRefundActivity refundQuery,
    StorageQueueChannelWorkQueue storageWork,
    ILogger<ChannelCallWorker> logger)
{
    /// <summary>What a call's answer is, or null when its input is malformed or names another account than the one it was queued for.</summary>
    private delegate Task<ChannelCallAnswer?> Operation(ChannelWorkItem item, CancellationToken cancellationToken);

    private readonly FrozenDictionary<string, Operation> operations = new Dictionary<string, Operation>(StringComparer.Ordinal)
    {
        [ChannelCallOperations.Close] = Of<ChannelOrderInput, CloseOutcome>(i => (i.Channel, i.ChannelAccount), close.ExecuteAsync, logger),
        [ChannelCallOperations.Query] = Of<ChannelOrderInput, ChannelPaymentEvent>(i => (i.Channel, i.ChannelAccount), query.ExecuteAsync, logger),
        [ChannelCallOperations.Cancel] = Of<ChannelOrderInput, CloseOutcome>(i => (i.Channel, i.ChannelAccount), cancel.ExecuteAsync, logger),
        [ChannelCallOperations.Capture] = Of<CaptureInput, ChannelPaymentEvent>(i => (i.Order?.Channel, i.Order?.ChannelAccount), capture.ExecuteAsync, logger),
        [ChannelCallOperations.Refund] = Of<RefundOrchestrationInput, ChannelRefundEvent>(i => (i.Channel, i.ChannelAccount), refund.ExecuteAsync, logger),
        [ChannelCallOperations.RefundQuery] = Of<RefundOrchestrationInput, ChannelRefundEvent>(i => (i.Channel, i.ChannelAccount), refundQuery.ExecuteAsync, logger),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <returns><see cref="ChannelWorkVerdict.Rejected"/> for an unknown operation or an input that is not the item's.</returns>
    public async Task<ChannelWorkVerdict> CallAsync(ChannelWorkItem item, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var call = item.Call!;
        if (!operations.TryGetValue(call.Operation, out var operation) || await operation(item, cancellationToken) is not { } answer)
        {
            LogRejected(logger, call.Operation, item.Channel, item.ChannelAccount);
            return ChannelWorkVerdict.Rejected;
        }

        await DeliverAsync(item with { Kind = ChannelWorkItem.AnswerCall, Answer = answer }, durable, cancellationToken);
        return ChannelWorkVerdict.Done;
    }

    /// <summary>
    /// Raises the answer to the orchestration, or, for a worker without a Durable client (the Functions app's Service
    /// Bus processor), hands it on through the Storage queue whose trigger has one.
    /// </summary>
    public async Task DeliverAsync(ChannelWorkItem answered, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answered);
        if (durable is null)
        {
            await storageWork.EnqueueAsync(answered, cancellationToken);
            return;
        }

        var call = answered.Call!;
        await durable.RaiseEventAsync(call.InstanceId, ChannelCallEvents.AnswerOf(call.CallId), answered.Answer, cancellationToken);
    }

    private static Operation Of<TIn, TOut>(
        Func<TIn, (string? Channel, string? Account)> accountOf, Func<TIn, CancellationToken, Task<TOut>> execute, ILogger logger)
        where TIn : class => async (item, cancellationToken) =>
    {
        TIn? input;
        try
        {
            input = JsonSerializer.Deserialize<TIn>(item.Call!.Input);
        }
        catch (JsonException)
        {
            return null;
        }

        if (input is null || accountOf(input) != (item.Channel, item.ChannelAccount))
        {
            return null;
        }

        try
        {
            return ChannelCallAnswer.Success(JsonSerializer.Serialize(await execute(input, cancellationToken)));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e, item.Call.Operation, item.Channel, item.ChannelAccount, item.Call.InstanceId);
            return ChannelCallAnswer.Failure(e);
        }
    };

    [LoggerMessage(EventId = 7821, Level = LogLevel.Error, Message = "Dropping channel call {Operation} at {Channel} account {ChannelAccount}: unknown operation or an input for another account")]
    private static partial void LogRejected(ILogger logger, string operation, string channel, string channelAccount);

    [LoggerMessage(EventId = 7822, Level = LogLevel.Warning, Message = "Channel call {Operation} at {Channel} account {ChannelAccount} for {InstanceId} failed; its orchestration decides whether to try again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string operation, string channel, string channelAccount, string instanceId);
}
