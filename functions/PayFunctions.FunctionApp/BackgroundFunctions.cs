using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Orchestration;
using PayFunctions.Core.Settlements;

namespace PayFunctions.FunctionApp;

public sealed class BackgroundFunctions(SettlementScheduler scheduler, ChannelWorkProcessor processor, ChannelInbox inbox, EndedOrchestrationPurge purge)
{
    /// <summary>
    /// 00:30 China Standard Time (UTC+8, no daylight saving), written in UTC because Linux plans ignore WEBSITE_TIME_ZONE.
    /// Settles every day not yet settled, so a missed run is caught up by the next.
    /// </summary>
    [Function("SettlementTimer")]
    public Task StartSettlement(
        [TimerTrigger("0 30 16 * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => scheduler.CatchUpAsync(durable, cancellationToken);

    /// <summary>
    /// Channel work over Storage queues, and the prepay outcomes and refunds the Service Bus workers hand
    /// on, which need this trigger's Durable client; the "Storage" connection is identity-based in Azure.
    /// </summary>
    [Function("ChannelWork")]
    public Task ProcessChannelWork(
        [QueueTrigger(ChannelWorkQueues.Storage, Connection = "Storage")] string message,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => processor.ProcessStorageMessageAsync(ChannelWorkQueues.Storage, message, durable, cancellationToken);

    /// <summary>
    /// Every minute, the files channels dropped in the inbox (a bank's statements arrive a few times a day). A timer is a
    /// singleton across instances, so one file is read by one sweep; the Blobs trigger extension is not available to
    /// this build, and Event Grid would add a subscription to provision for no gain at this rate.
    /// </summary>
    [Function("ChannelInbox")]
    public Task SweepChannelInbox(
        [TimerTrigger("0 * * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => inbox.SweepAsync(durable, cancellationToken);

    /// <summary>Every hour, at a quarter past: the instance and history rows of orchestrations that ended past their retention.</summary>
    [Function("EndedOrchestrationPurge")]
    public Task PurgeEndedOrchestrations(
        [TimerTrigger("0 15 * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => purge.PurgeAsync(durable, cancellationToken);
}
