using PayFunctions.Channels;
using PayFunctions.Domain.Reconciliation;

namespace PayFunctions.Core.Reconciliation;

/// <summary>A channel module's statement line as the Domain's matcher reads it: the same facts, without the channel's format.</summary>
public static class StatementEntries
{
    public static StatementEntry From(ChannelStatementLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var kind = line.Type switch
        {
            ChannelStatementLineType.Payment => StatementEntryKind.Payment,
            ChannelStatementLineType.Refund => StatementEntryKind.Refund,
            ChannelStatementLineType.Fee => StatementEntryKind.Fee,
            ChannelStatementLineType.Payout => StatementEntryKind.Payout,
            _ => StatementEntryKind.Adjustment,
        };
        return new StatementEntry(kind, line.ChannelReference, line.OutTradeNo, line.OutRefundNo, line.Amount, line.Fee, line.BookedAt);
    }
}
