using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Payments;
using PayFunctions.Domain;

namespace PayFunctions.Core.Refunds;

/// <summary>
/// Gives money that reached a channel after its payment ended back to the payer. A payment has one
/// such refund, its id derived from the payment's: every path that finds the late money starts the
/// same refund, and the channel takes a repeated refund number as the same refund.
/// </summary>
public sealed partial class LatePaymentRefunds(RefundStarter starter, ILogger<LatePaymentRefunds> logger)
{
    /// <summary>Shown to the payer by their wallet: "paid after the order ended, returned the way it came".</summary>
    public const string Reason = "订单结束后支付，原路退回";

    public static string RefundIdFor(string paymentId) => RefundIds.Prefix + paymentId[PaymentIds.Prefix.Length..];

    public async Task StartAsync(DurableTaskClient durable, PaymentEntity payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.LatePaymentTradeNo is null || payment.LatePaymentAmount is not { } amount)
        {
            return;
        }

        // The channel's order total is what it collected, which for a mismatched amount is not the payment's.
        await starter.BeginAsync(durable, payment, RefundIdFor(payment.Id), amount, amount, Reason, null, latePayment: true, cancellationToken);
        LogLatePayment(logger, payment.Id, amount);
    }

    [LoggerMessage(EventId = 7505, Level = LogLevel.Warning, Message = "Payment {PaymentId} was paid {Amount} after it ended; that is refunded")]
    private static partial void LogLatePayment(ILogger logger, string paymentId, long amount);
}
