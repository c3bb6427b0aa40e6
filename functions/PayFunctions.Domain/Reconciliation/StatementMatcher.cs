namespace PayFunctions.Domain.Reconciliation;

/// <summary>
/// Matches one statement day's lines, fed one at a time, against the platform's records of that day and the day on
/// each side. The platform's side is indexed when the matcher is built; the statement is never held: each line is
/// compared as it arrives and kept only when it is part of a difference. Memory is therefore proportional to the
/// platform's records, the differences and the totalled lines' references, not to the statement's length.
/// Pure: no clock, no I/O, no randomness.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A payment line is matched to the payment whose id is its <c>out_trade_no</c>, a refund line to the refund whose id
/// is its <c>out_refund_no</c>. The first line for a record is matched; any later one is a <see cref="DifferenceClass.Duplicate"/>.</item>
/// <item>A matched payment not held as succeeded is a <see cref="DifferenceClass.StatusMismatch"/>; one held as succeeded but
/// booked on a neighbouring day within the shift window is a <see cref="DifferenceClass.DateBoundaryShift"/>, and one booked
/// further away is, for this day, a <see cref="DifferenceClass.MissingOnPlatform"/> (for an operator). The gross amounts are
/// then compared, and the fee only when they agree and the platform knows the fee it expects. Refunds are compared the same way,
/// without a fee: a refund's returned fee follows from its amount, and is totalled.</item>
/// <item>Fee, payout and adjustment lines are totalled by kind, not matched per order: they are not about one order. Only a
/// repeated channel reference among them is reported (a duplicate).</item>
/// <item>At the end, every payment and refund the platform booked as succeeded within the statement day that no line matched
/// is a <see cref="DifferenceClass.MissingAtChannel"/>, or a <see cref="DifferenceClass.DateBoundaryShift"/> awaiting the
/// neighbouring day when it was booked within the shift window of a midnight. Records of the neighbouring days that the
/// statement does not mention belong to those days' statements and are not differences.</item>
/// </list>
/// When two lines for one record differ, the one that comes first is matched, so only a statement whose repeated lines are
/// identical (the usual duplicate: a line listed twice) gives the same differences in any order. The differences are sorted
/// (<see cref="ReconciliationResult.Differences"/>), so the same lines in any order give the same list.
/// </remarks>
public sealed class StatementMatcher
{
    private readonly StatementDay day;
    private readonly DayBounds bounds;
    private readonly PlatformIndex<PlatformPayment> payments;
    private readonly PlatformIndex<PlatformRefund> refunds;
    private readonly Dictionary<(StatementEntryKind Kind, string Reference), string> unmatched = [];
    private readonly HashSet<string> totalledReferences = new(StringComparer.Ordinal);
    private readonly List<Finding> findings = [];
    private readonly long[] lineCounts = new long[5];
    private readonly long[] lineAmounts = new long[5];
    private readonly long[] lineFees = new long[5];
    private long matchedCount;
    private long matchedAmount;
    private long lineNumber;
    private bool completed;

    /// <summary>Indexes the platform's payments and refunds of the statement day and the day on each side.</summary>
    /// <exception cref="ArgumentException">
    /// The day's shift window is not within (0, 12 h], or a platform record has an invalid or repeated id, another currency,
    /// or a success without its booking time.
    /// </exception>
    public StatementMatcher(StatementDay day, IEnumerable<PlatformPayment> payments, IEnumerable<PlatformRefund> refunds)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(day.TimeZone);
        if (day.ShiftWindow <= TimeSpan.Zero || day.ShiftWindow > StatementDay.MaxShiftWindow)
        {
            throw new ArgumentException("The shift window must be more than zero and at most 12 hours.", nameof(day));
        }

        if (day.Currency.Code is null)
        {
            throw new ArgumentException("The statement day needs a currency.", nameof(day));
        }

        this.day = day;
        bounds = new DayBounds(day);
        this.payments = new PlatformIndex<PlatformPayment>(payments, p => p.Id, p => InputChecks.Payment(p, day.Currency));
        this.refunds = new PlatformIndex<PlatformRefund>(refunds, r => r.Id, r => InputChecks.Refund(r, day.Currency));
    }

    /// <summary>Compares one statement line with the platform's records.</summary>
    /// <exception cref="FormatException">
    /// The line is damaged: a reference empty, longer than 128 characters or with control characters, a negative gross
    /// amount, another currency than the day's, or totals beyond 64 bits.
    /// </exception>
    /// <exception cref="InvalidOperationException">The matcher has already completed.</exception>
    public void Add(StatementEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (completed)
        {
            throw new InvalidOperationException("The statement day has already been reconciled.");
        }

        lineNumber++;
        InputChecks.Entry(entry, day.Currency, lineNumber);
        var kind = (int)entry.Kind;
        lineCounts[kind]++;
        lineAmounts[kind] = Total(lineAmounts[kind], entry.Amount.MinorUnits);
        lineFees[kind] = Total(lineFees[kind], entry.Fee.MinorUnits);

        switch (entry.Kind)
        {
            case StatementEntryKind.Payment:
                MatchPayment(entry);
                break;
            case StatementEntryKind.Refund:
                MatchRefund(entry);
                break;
            default:
                if (!totalledReferences.Add(entry.ChannelReference))
                {
                    findings.Add(new Finding(DifferenceClass.Duplicate, entry.Kind, entry.ChannelReference, ProposedResolution.OperatorReview, entry, null, null, entry.ChannelReference));
                }

                break;
        }
    }

    /// <summary>Reports the platform's records of the day that no line matched, and returns every difference with the day's totals.</summary>
    /// <exception cref="FormatException">The differences' amounts total beyond 64 bits.</exception>
    /// <exception cref="InvalidOperationException">The matcher has already completed.</exception>
    public ReconciliationResult Complete()
    {
        if (completed)
        {
            throw new InvalidOperationException("The statement day has already been reconciled.");
        }

        completed = true;
        for (var i = 0; i < payments.Count; i++)
        {
            var payment = payments[i];
            if (payments.MatchedBy(i) is null && payment.Status == PlatformPaymentStatus.Succeeded)
            {
                Unlisted(StatementEntryKind.Payment, payment.Id, payment.BookedAt!.Value, payment, null);
            }
        }

        for (var i = 0; i < refunds.Count; i++)
        {
            var refund = refunds[i];
            if (refunds.MatchedBy(i) is null && refund.Status == PlatformRefundStatus.Succeeded)
            {
                Unlisted(StatementEntryKind.Refund, refund.Id, refund.BookedAt!.Value, null, refund);
            }
        }

        findings.Sort(Finding.Compare);
        var differences = new ReconciliationDifference[findings.Count];
        for (var i = 0; i < findings.Count; i++)
        {
            var occurrence = i > 0 && Finding.SameSubject(findings[i - 1], findings[i]) ? differences[i - 1].Occurrence + 1 : 0;
            differences[i] = findings[i].ToDifference(day, occurrence);
        }

        return new ReconciliationResult(day, differences, Summarise(differences));
    }

    private void MatchPayment(StatementEntry entry)
    {
        var position = entry.OutTradeNo is null ? -1 : payments.Find(entry.OutTradeNo);
        if (position < 0)
        {
            Unmatched(entry, entry.OutTradeNo ?? entry.ChannelReference);
            return;
        }

        var payment = payments[position];
        if (payments.MatchedBy(position) is { } earlier)
        {
            var resolution = earlier == entry.ChannelReference ? ProposedResolution.QueryChannel : ProposedResolution.RefundPayer;
            findings.Add(new Finding(DifferenceClass.Duplicate, entry.Kind, payment.Id, resolution, entry, payment, null, earlier));
            return;
        }

        payments.Match(position, entry.ChannelReference);
        var before = findings.Count;
        if (payment.Status != PlatformPaymentStatus.Succeeded)
        {
            var resolution = payment.Status == PlatformPaymentStatus.Pending ? ProposedResolution.BookLateSuccess : ProposedResolution.RefundPayer;
            findings.Add(new Finding(DifferenceClass.StatusMismatch, entry.Kind, payment.Id, resolution, entry, payment, null, null));
        }
        else if (Booking(entry, payment.Id, payment.BookedAt!.Value, payment, null))
        {
            return;
        }

        if (entry.Amount != payment.Amount)
        {
            findings.Add(new Finding(DifferenceClass.AmountMismatch, entry.Kind, payment.Id, ProposedResolution.OperatorReview, entry, payment, null, null));
        }
        else if (payment.ExpectedFee is { } fee && fee != entry.Fee)
        {
            findings.Add(new Finding(DifferenceClass.FeeMismatch, entry.Kind, payment.Id, ProposedResolution.CorrectFee, entry, payment, null, null));
        }

        CountIfMatched(entry, before);
    }

    private void MatchRefund(StatementEntry entry)
    {
        var position = entry.OutRefundNo is null ? -1 : refunds.Find(entry.OutRefundNo);
        if (position < 0)
        {
            Unmatched(entry, entry.OutRefundNo ?? entry.ChannelReference);
            return;
        }

        var refund = refunds[position];
        if (refunds.MatchedBy(position) is { } earlier)
        {
            var resolution = earlier == entry.ChannelReference ? ProposedResolution.QueryChannel : ProposedResolution.OperatorReview;
            findings.Add(new Finding(DifferenceClass.Duplicate, entry.Kind, refund.Id, resolution, entry, null, refund, earlier));
            return;
        }

        refunds.Match(position, entry.ChannelReference);
        var before = findings.Count;
        if (refund.Status != PlatformRefundStatus.Succeeded)
        {
            var resolution = refund.Status == PlatformRefundStatus.Pending ? ProposedResolution.BookLateSuccess : ProposedResolution.OperatorReview;
            findings.Add(new Finding(DifferenceClass.StatusMismatch, entry.Kind, refund.Id, resolution, entry, null, refund, null));
        }
        else if (Booking(entry, refund.Id, refund.BookedAt!.Value, null, refund))
        {
            return;
        }

        if (entry.Amount != refund.Amount)
        {
            findings.Add(new Finding(DifferenceClass.AmountMismatch, entry.Kind, refund.Id, ProposedResolution.OperatorReview, entry, null, refund, null));
        }

        CountIfMatched(entry, before);
    }

    /// <summary>
    /// Compares the platform's booking day of a matched record with the statement day; true when the record belongs to
    /// another day beyond the shift window, which ends its comparison.
    /// </summary>
    private bool Booking(StatementEntry entry, string reference, DateTimeOffset bookedAt, PlatformPayment? payment, PlatformRefund? refund)
    {
        switch (bounds.Position(bookedAt))
        {
            case BookingPosition.NeighbourNearMidnight:
                findings.Add(new Finding(DifferenceClass.DateBoundaryShift, entry.Kind, reference, ProposedResolution.None, entry, payment, refund, null));
                return false;
            case BookingPosition.Outside:
                findings.Add(new Finding(DifferenceClass.MissingOnPlatform, entry.Kind, reference, ProposedResolution.OperatorReview, entry, payment, refund, null));
                return true;
            default:
                return false;
        }
    }

    /// <summary>A line for a number the platform does not hold: 长款 the first time, a duplicate after.</summary>
    private void Unmatched(StatementEntry entry, string reference)
    {
        if (unmatched.TryGetValue((entry.Kind, reference), out var earlier))
        {
            findings.Add(new Finding(DifferenceClass.Duplicate, entry.Kind, reference, ProposedResolution.QueryChannel, entry, null, null, earlier));
            return;
        }

        unmatched.Add((entry.Kind, reference), entry.ChannelReference);
        findings.Add(new Finding(DifferenceClass.MissingOnPlatform, entry.Kind, reference, ProposedResolution.QueryChannel, entry, null, null, null));
    }

    /// <summary>A succeeded record no line matched: 短款 when booked on the statement day, unless near a midnight.</summary>
    private void Unlisted(StatementEntryKind kind, string reference, DateTimeOffset bookedAt, PlatformPayment? payment, PlatformRefund? refund)
    {
        switch (bounds.Position(bookedAt))
        {
            case BookingPosition.Inside:
                findings.Add(new Finding(DifferenceClass.MissingAtChannel, kind, reference, ProposedResolution.QueryChannel, null, payment, refund, null));
                break;
            case BookingPosition.InsideNearMidnight:
                findings.Add(new Finding(DifferenceClass.DateBoundaryShift, kind, reference, ProposedResolution.AwaitNeighbourDay, null, payment, refund, null));
                break;
            default:
                break;
        }
    }

    private void CountIfMatched(StatementEntry entry, int findingsBefore)
    {
        if (findings.Count == findingsBefore)
        {
            matchedCount++;
            matchedAmount = Total(matchedAmount, entry.Amount.MinorUnits);
        }
    }

    private ReconciliationSummary Summarise(ReconciliationDifference[] differences)
    {
        var currency = day.Currency;
        var lines = new Dictionary<StatementEntryKind, LineTotals>();
        foreach (var kind in Enum.GetValues<StatementEntryKind>())
        {
            var k = (int)kind;
            lines[kind] = new LineTotals(lineCounts[k], new Money(lineAmounts[k], currency), new Money(lineFees[k], currency));
        }

        var classes = new Dictionary<DifferenceClass, Tally>();
        foreach (var difference in Enum.GetValues<DifferenceClass>())
        {
            classes[difference] = new Tally(0, Money.Zero(currency));
        }

        foreach (var difference in differences)
        {
            var amount = difference.Statement?.Amount ?? difference.Payment?.Amount ?? difference.Refund!.Amount;
            var tally = classes[difference.Class];
            classes[difference.Class] = new Tally(tally.Count + 1, new Money(Total(tally.Amount.MinorUnits, amount.MinorUnits), currency));
        }

        return new ReconciliationSummary(lines, new Tally(matchedCount, new Money(matchedAmount, currency)), classes);
    }

    /// <summary>Adds to a total; a statement whose totals do not fit in 64 bits of minor units is damaged.</summary>
    private long Total(long total, long amount)
    {
        try
        {
            return checked(total + amount);
        }
        catch (OverflowException e)
        {
            throw InputChecks.Damaged(lineNumber, "takes a total beyond 64 bits", e);
        }
    }
}
