using ChannelSandbox.Statements;
using ChannelSandbox.WeChatPay.Refunds;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.WeChatPay.Bills;

/// <summary>
/// A day's ALL trade bill, built from what the sandbox processed: every payment whose success time, and every refund
/// whose acceptance time, falls on the day in Beijing time (the bill's data times), then the differences injected for it.
/// </summary>
public sealed class TradeBills(OrderStore orders, RefundSettlement settlement, BillDiscrepancies discrepancies, IOptions<WeChatPayIdentity> identity)
{
    /// <summary>The bill's lines in booking order; a service provider's bill of one sub-merchant when <paramref name="subMchId"/> is set.</summary>
    public IReadOnlyList<TradeBillLine> Lines(DateOnly day, string? subMchId)
    {
        var lines = Processed(day, subMchId).ToList();
        var previous = day.AddDays(-1);
        foreach (var shifted in discrepancies.Of(previous).Where(discrepancy => discrepancy.Kind == BillDiscrepancyKind.DateShift))
        {
            if (Processed(previous, subMchId).FirstOrDefault(line => line.Key == shifted.Key) is { } line)
            {
                lines.Add(line with { BookedAt = ChinaTime.StartOf(day) });
            }
        }

        foreach (var discrepancy in discrepancies.Of(day))
        {
            Apply(lines, discrepancy, subMchId);
        }

        return [.. lines.OrderBy(line => line.BookedAt)];
    }

    /// <summary>What the sandbox processed on <paramref name="day"/>, before any injected difference.</summary>
    public IEnumerable<TradeBillLine> Processed(DateOnly day, string? subMchId)
    {
        foreach (var order in orders.All().Where(order => subMchId is null || order.Request.SubMchId == subMchId))
        {
            if (order.Payment() is not { } payment)
            {
                continue;
            }

            var request = order.Request;
            if (ChinaTime.DayOf(payment.PaidAt) == day)
            {
                yield return new TradeBillLine(
                    payment.PaidAt, request.AppId, request.MchId, request.SubMchId, payment.TransactionId, request.OutTradeNo, payment.OpenId,
                    request.TradeType.ToString(), payment.Revoked ? "REVOKED" : "SUCCESS", request.Total, null, null, 0, null,
                    request.Description, request.Attach, TradeBillLine.FeeOf(request.Total), request.Total, 0);
            }

            foreach (var refund in order.Refunds().Where(refund => ChinaTime.DayOf(refund.CreatedAt) == day))
            {
                // A refund due by now has ended: the bill shows what a query would.
                settlement.Settle(refund);
                var amount = refund.Request.Amount;
                yield return new TradeBillLine(
                    refund.CreatedAt, request.AppId, request.MchId, request.SubMchId, payment.TransactionId, request.OutTradeNo, payment.OpenId,
                    request.TradeType.ToString(), "REFUND", 0, refund.RefundId, refund.Request.OutRefundNo, amount, refund.Status.ToString(),
                    request.Description, request.Attach, -TradeBillLine.FeeOf(amount), 0, amount);
            }
        }
    }

    private void Apply(List<TradeBillLine> lines, BillDiscrepancy discrepancy, string? subMchId)
    {
        if (discrepancy.Kind == BillDiscrepancyKind.Unknown)
        {
            var amount = discrepancy.Amount ?? 0;
            lines.Add(new TradeBillLine(
                ChinaTime.StartOf(discrepancy.Day).AddHours(12), identity.Value.AppId, identity.Value.MchId, subMchId, discrepancy.TransactionId ?? string.Empty,
                discrepancy.Key, string.Empty, nameof(TradeType.NATIVE), "SUCCESS", amount, null, null, 0, null, "未知订单", null, TradeBillLine.FeeOf(amount), amount, 0));
            return;
        }

        var at = lines.FindIndex(line => line.Key == discrepancy.Key);
        if (at < 0)
        {
            return;
        }

        var line = lines[at];
        switch (discrepancy.Kind)
        {
            case BillDiscrepancyKind.Missing or BillDiscrepancyKind.DateShift:
                lines.RemoveAll(other => other.Key == discrepancy.Key);
                break;
            case BillDiscrepancyKind.Amount when line.IsRefund:
                lines[at] = line with { Refund = discrepancy.Amount ?? line.Refund, RequestedRefund = discrepancy.Amount ?? line.RequestedRefund };
                break;
            case BillDiscrepancyKind.Amount:
                lines[at] = line with { Settlement = discrepancy.Amount ?? line.Settlement, Total = discrepancy.Amount ?? line.Total };
                break;
            case BillDiscrepancyKind.Status:
                lines[at] = line.IsRefund ? line with { RefundStatus = nameof(RefundStatus.ABNORMAL) } : line with { TradeState = "REVOKED" };
                break;
            case BillDiscrepancyKind.Fee:
                lines[at] = line with { Fee = discrepancy.Fee ?? line.Fee };
                break;
            case BillDiscrepancyKind.Duplicate:
                lines.Insert(at + 1, line);
                break;
        }
    }
}
