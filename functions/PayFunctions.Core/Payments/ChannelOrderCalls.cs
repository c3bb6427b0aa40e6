using Microsoft.DurableTask;
using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Orchestration;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Payments;

/// <summary>A payment orchestration's calls about its order, each queued for the order's account (<see cref="ChannelCalls"/>).</summary>
internal static class ChannelOrderCalls
{
    /// <inheritdoc cref="CloseAtChannelActivity"/>
    public static Task<CloseOutcome> CloseAsync(TaskOrchestrationContext context, ChannelOrderInput order, RetryPolicy retry) =>
        ChannelCalls.CallAsync<ChannelOrderInput, CloseOutcome>(context, ChannelCallOperations.Close, AccountOf(order), order, retry);

    public static Task<ChannelPaymentEvent> QueryAsync(TaskOrchestrationContext context, ChannelOrderInput order, RetryPolicy retry) =>
        ChannelCalls.CallAsync<ChannelOrderInput, ChannelPaymentEvent>(context, ChannelCallOperations.Query, AccountOf(order), order, retry);

    /// <inheritdoc cref="CancelAtChannelActivity"/>
    public static Task<CloseOutcome> CancelAsync(TaskOrchestrationContext context, ChannelOrderInput order, RetryPolicy retry) =>
        ChannelCalls.CallAsync<ChannelOrderInput, CloseOutcome>(context, ChannelCallOperations.Cancel, AccountOf(order), order, retry);

    /// <inheritdoc cref="CaptureAtChannelActivity"/>
    public static Task<ChannelPaymentEvent> CaptureAsync(TaskOrchestrationContext context, CaptureInput capture, RetryPolicy retry) =>
        ChannelCalls.CallAsync<CaptureInput, ChannelPaymentEvent>(context, ChannelCallOperations.Capture, AccountOf(capture.Order), capture, retry);

    private static ChannelAccountId AccountOf(ChannelOrderInput order) => new(order.Channel, order.ChannelAccount);
}
