using System.Globalization;

namespace PayFunctions.Domain.Reconciliation;

/// <summary>
/// What the matcher refuses before it uses a value as a key or adds it to a total: a damaged statement line is the
/// channel's file's fault (<see cref="FormatException"/>), an invalid platform record the caller's (<see cref="ArgumentException"/>).
/// </summary>
internal static class InputChecks
{
    /// <summary>Checks statement line number <paramref name="lineNumber"/> (from 1).</summary>
    public static void Entry(StatementEntry entry, Currency currency, long lineNumber)
    {
        if (!Enum.IsDefined(entry.Kind))
        {
            throw Damaged(lineNumber, "has an unknown kind");
        }

        if (!References.IsValid(entry.ChannelReference))
        {
            throw Damaged(lineNumber, "has an invalid channel reference");
        }

        if (entry.OutTradeNo is not null && !References.IsValid(entry.OutTradeNo))
        {
            throw Damaged(lineNumber, "has an invalid order number");
        }

        if (entry.OutRefundNo is not null && !References.IsValid(entry.OutRefundNo))
        {
            throw Damaged(lineNumber, "has an invalid refund number");
        }

        if (entry.Amount.Currency != currency || entry.Fee.Currency != currency)
        {
            throw Damaged(lineNumber, $"is not in the statement's currency {currency.Code}");
        }

        if (entry.Amount.MinorUnits < 0)
        {
            throw Damaged(lineNumber, "has a negative gross amount");
        }
    }

    public static void Payment(PlatformPayment payment, Currency currency)
    {
        Record(payment.Id, payment.Amount, currency, payment.Status == PlatformPaymentStatus.Succeeded, payment.BookedAt);
        if (!Enum.IsDefined(payment.Status) || (payment.ExpectedFee is { } fee && fee.Currency != currency))
        {
            throw new ArgumentException($"Payment '{payment.Id}' has an unknown status or a fee in another currency.", nameof(payment));
        }
    }

    public static void Refund(PlatformRefund refund, Currency currency)
    {
        Record(refund.Id, refund.Amount, currency, refund.Status == PlatformRefundStatus.Succeeded, refund.BookedAt);
        if (!Enum.IsDefined(refund.Status))
        {
            throw new ArgumentException($"Refund '{refund.Id}' has an unknown status.", nameof(refund));
        }
    }

    /// <summary>The error for a damaged line, naming it so that an operator can find it in the channel's file.</summary>
    public static FormatException Damaged(long lineNumber, string what, Exception? inner = null) =>
        new($"Statement line {lineNumber.ToString(CultureInfo.InvariantCulture)} {what}.", inner);

    private static void Record(string id, Money amount, Currency currency, bool succeeded, DateTimeOffset? bookedAt)
    {
        if (!References.IsValid(id))
        {
            throw new ArgumentException("A platform record has an invalid id.", nameof(id));
        }

        if (amount.Currency != currency)
        {
            throw new ArgumentException($"Platform record '{id}' is not in the statement's currency {currency.Code}.", nameof(amount));
        }

        if (succeeded && bookedAt is null)
        {
            throw new ArgumentException($"Platform record '{id}' succeeded without a booking time.", nameof(bookedAt));
        }
    }
}
