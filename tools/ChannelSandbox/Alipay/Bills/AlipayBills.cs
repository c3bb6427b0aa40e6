using ChannelSandbox.Statements;

namespace ChannelSandbox.Alipay.Bills;

/// <summary>
/// A day's trade bill, built from what the sandbox processed: every payment whose payment time, and every refund whose
/// time, falls on the day in China Standard Time, then the differences injected for it.
/// </summary>
public sealed class AlipayBills(AlipayTradeStore trades, [FromKeyedServices(AlipayBills.Key)] BillDiscrepancies discrepancies)
{
    /// <summary>The service key of Alipay's discrepancies (WeChat Pay's are the unkeyed ones).</summary>
    public const string Key = "alipay";

    /// <summary>The 业务明细's lines in order of completion.</summary>
    public IReadOnlyList<AlipayBillLine> Lines(DateOnly day)
    {
        var lines = Processed(day).ToList();
        var previous = day.AddDays(-1);
        foreach (var shifted in discrepancies.Of(previous).Where(discrepancy => discrepancy.Kind == BillDiscrepancyKind.DateShift))
        {
            if (Processed(previous).FirstOrDefault(line => line.Key == shifted.Key) is { } line)
            {
                lines.Add(line with { CompletedAt = ChinaTime.StartOf(day) });
            }
        }

        foreach (var discrepancy in discrepancies.Of(day))
        {
            Apply(lines, discrepancy);
        }

        return [.. lines.OrderBy(line => line.CompletedAt)];
    }

    /// <summary>What the sandbox processed on <paramref name="day"/>, before any injected difference.</summary>
    public IEnumerable<AlipayBillLine> Processed(DateOnly day)
    {
        foreach (var trade in trades.All())
        {
            if (trade.PaidAt is not { } paidAt || trade.TradeNo is not { } tradeNo)
            {
                continue;
            }

            var terms = trade.Terms;
            if (ChinaTime.DayOf(paidAt) == day)
            {
                yield return new AlipayBillLine(tradeNo, terms.OutTradeNo, terms.Subject, trade.CreatedAt, paidAt, terms.TotalFen, AlipayBillLine.FeeOf(terms.TotalFen), null);
            }

            foreach (var refund in trade.Refunds().Where(refund => ChinaTime.DayOf(refund.At) == day))
            {
                yield return new AlipayBillLine(
                    tradeNo, terms.OutTradeNo, terms.Subject, trade.CreatedAt, refund.At, -refund.Fen, -AlipayBillLine.FeeOf(refund.Fen), refund.OutRequestNo);
            }
        }
    }

    private static void Apply(List<AlipayBillLine> lines, BillDiscrepancy discrepancy)
    {
        if (discrepancy.Kind is BillDiscrepancyKind.Unknown or BillDiscrepancyKind.Status)
        {
            // Status: a trade the sandbox never completed (waiting or closed) listed as paid.
            var amount = discrepancy.Amount ?? 0;
            var at = ChinaTime.StartOf(discrepancy.Day).AddHours(12);
            lines.Add(new AlipayBillLine(
                discrepancy.TransactionId ?? string.Empty, discrepancy.Key, "未知订单", at, at, amount, AlipayBillLine.FeeOf(amount), null));
            return;
        }

        var index = lines.FindIndex(line => line.Key == discrepancy.Key);
        if (index < 0)
        {
            return;
        }

        var line = lines[index];
        switch (discrepancy.Kind)
        {
            case BillDiscrepancyKind.Missing or BillDiscrepancyKind.DateShift:
                lines.RemoveAll(other => other.Key == discrepancy.Key);
                break;
            case BillDiscrepancyKind.Amount:
                lines[index] = line with { Amount = line.IsRefund ? -(discrepancy.Amount ?? -line.Amount) : discrepancy.Amount ?? line.Amount };
                break;
            case BillDiscrepancyKind.Fee:
                lines[index] = line with { Fee = discrepancy.Fee ?? line.Fee };
                break;
            case BillDiscrepancyKind.Duplicate:
                lines.Insert(index + 1, line);
                break;
        }
    }
}
