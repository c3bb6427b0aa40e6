using PayFunctions.Domain.Reconciliation;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Domain.Tests.Reconciliation;

/// <summary>A difference the generator put into a day on purpose, as reconciliation must report it.</summary>
public sealed record InjectedDifference(DifferenceClass Class, StatementEntryKind Kind, string Reference, ProposedResolution Resolution);

/// <summary>
/// Generates a WeChat Pay account's statement day (2 March 2026, China Standard Time, 5-minute shift window) and the
/// platform's matching records, with a given number of differences of every class injected, and returns what was
/// injected. The same seed gives the same day. Used by the reconciliation tests and benchmark to check that every
/// injected difference is found and classified, and nothing else is.
/// </summary>
/// <remarks>
/// <para>Record <c>i</c> (0 ≤ i &lt; <c>records</c>) is a refund of payment <c>i − 1</c> when <c>i % 10 == 9</c>, else a payment:
/// order number <c>P{i:D10}</c> or refund number <c>R{i:D10}</c>, channel reference <c>4200{i:D12}</c> or <c>5030{i:D12}</c>, a gross
/// amount of 1.00–1,000.99 CNY, a 0.6 % fee (given back, negative, on a refund), booked by the channel at a time of the day
/// more than the shift window from either midnight and by the platform 0–3 s later. Each record's values come from its
/// index and the seed alone, so the statement is produced line by line on each enumeration and never held.</para>
/// <para>Differences are injected into distinct records chosen by the seed, <c>perClass</c> of each class, cycling through
/// the variants of each: 长款 (the platform lacks the record; or booked it on a neighbouring day far from midnight);
/// 短款 (the statement lacks the line); amount (the line's amount is higher); status (the platform holds the payment as
/// pending, failed or closed, the refund as pending or failed); fee (payments only: the channel charged more); duplicate
/// (the line listed twice); date-boundary shift (the platform booked it within the window before the day, or after it,
/// with the line in the day; or within the window inside the day near its end, or its start, without a line, as the channel
/// lists it on the neighbouring day).</para>
/// <para>Neither side's noise is a difference: the platform also holds records of the neighbouring days that the statement
/// does not list (some within the window of midnight) and payments that failed, were closed or are pending without a line;
/// the statement ends with fee lines, a payout and an adjustment, which are totalled.</para>
/// </remarks>
public sealed class StatementDayGenerator
{
    /// <summary>The day generated: wechat_pay/bench, 2 March 2026, CNY, 5-minute window, in a fixed UTC+8 zone.</summary>
    public static readonly StatementDay Day = new(
        new ChannelAccountId("wechat_pay", "bench"),
        new DateOnly(2026, 3, 2),
        TimeZoneInfo.CreateCustomTimeZone("UTC+08", TimeSpan.FromHours(8), "UTC+08", "UTC+08"),
        Currency.Cny,
        TimeSpan.FromMinutes(5));

    private const int ClassCount = 7;
    private static readonly DateTimeOffset DayStart = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly long WindowSeconds = (long)Day.ShiftWindow.TotalSeconds;

    private readonly int records;
    private readonly ulong seed;
    private readonly byte[] plan;
    private readonly int[] variants;
    private readonly List<PlatformPayment> payments = [];
    private readonly List<PlatformRefund> refunds = [];
    private readonly List<InjectedDifference> truth = [];

    /// <summary>Plans a day of <paramref name="records"/> records with <paramref name="perClass"/> differences of each class.</summary>
    public StatementDayGenerator(int records, int perClass, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perClass * ClassCount, records / 4);
        this.records = records;
        this.seed = (ulong)seed;
        plan = new byte[records];
        variants = new int[records];
        var random = new Random(seed);
        foreach (var difference in Enum.GetValues<DifferenceClass>())
        {
            for (var k = 0; k < perClass; k++)
            {
                int i;
                do
                {
                    i = random.Next(1, records);
                }
                while (plan[i] != 0 || (difference == DifferenceClass.FeeMismatch && IsRefund(i)));

                plan[i] = (byte)(difference + 1);
                variants[i] = k;
            }
        }

        for (var i = 0; i < records; i++)
        {
            AddPlatformRecord(i);
        }

        AddNoise(random);
    }

    /// <summary>The platform's payments of the day and the day on each side.</summary>
    public IReadOnlyList<PlatformPayment> Payments => payments;

    /// <summary>The platform's refunds of the day and the day on each side.</summary>
    public IReadOnlyList<PlatformRefund> Refunds => refunds;

    /// <summary>Every difference injected, as reconciliation must report it.</summary>
    public IReadOnlyList<InjectedDifference> Truth => truth;

    /// <summary>How many fee lines the statement ends with (besides one payout and one adjustment).</summary>
    public int FeeLines => 1 + (records / 1000);

    /// <summary>The statement's lines, generated one at a time on each enumeration.</summary>
    public IEnumerable<StatementEntry> Statement()
    {
        for (var i = 0; i < records; i++)
        {
            var injected = Injected(i);
            if (injected == DifferenceClass.MissingAtChannel || (injected == DifferenceClass.DateBoundaryShift && variants[i] % 4 >= 2))
            {
                continue;
            }

            var line = Line(i);
            yield return line;
            if (injected == DifferenceClass.Duplicate)
            {
                yield return line;
            }
        }

        for (var f = 0; f < FeeLines; f++)
        {
            yield return new StatementEntry(StatementEntryKind.Fee, "FEE" + f.ToString("D8", null), null, null, Cny(0), Cny(100 + f), DayStart.AddHours(12));
        }

        yield return new StatementEntry(StatementEntryKind.Payout, "PAYOUT0001", null, null, Cny(1_000_000), Cny(0), DayStart.AddHours(20));
        yield return new StatementEntry(StatementEntryKind.Adjustment, "ADJ0001", null, null, Cny(500), Cny(0), DayStart.AddHours(21));
    }

    private static Money Cny(long minorUnits) => new(minorUnits, Currency.Cny);

    private static bool IsRefund(int i) => i % 10 == 9;

    private static string OrderNo(int i) => "P" + i.ToString("D10", null);

    private static string RefundNo(int i) => "R" + i.ToString("D10", null);

    /// <summary>SplitMix64 of the seed and the record's index and a salt: a record's values need no state but its index.</summary>
    private ulong Draw(int i, ulong salt)
    {
        var z = seed + (0x9E3779B97F4A7C15UL * ((ulong)i + 1)) + (salt * 0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private DifferenceClass? Injected(int i) => plan[i] == 0 ? null : (DifferenceClass)(plan[i] - 1);

    private long Amount(int i) => 100 + (long)(Draw(i, 1) % 100_000);

    private static long FeeOf(long amount) => amount * 6 / 1000;

    /// <summary>When the channel booked record <paramref name="i"/>: more than the window from either midnight, except for shifts.</summary>
    private DateTimeOffset ChannelBookedAt(int i)
    {
        if (Injected(i) == DifferenceClass.DateBoundaryShift)
        {
            // The line sits just inside the day at the midnight the platform's booking crossed.
            return variants[i] % 4 == 0 ? DayStart.AddSeconds(1 + (long)(Draw(i, 2) % 60)) : DayStart.AddDays(1).AddSeconds(-61 + (long)(Draw(i, 2) % 60));
        }

        var usable = 86_400 - (2 * WindowSeconds) - 10;
        return DayStart.AddSeconds(WindowSeconds + 5 + (long)(Draw(i, 2) % (ulong)usable));
    }

    /// <summary>When the platform booked record <paramref name="i"/>'s success.</summary>
    private DateTimeOffset PlatformBookedAt(int i)
    {
        var delay = (long)(Draw(i, 3) % 4);
        return Injected(i) switch
        {
            DifferenceClass.DateBoundaryShift => (variants[i] % 4) switch
            {
                0 => DayStart.AddSeconds(-1 - delay),
                1 => DayStart.AddDays(1).AddSeconds(delay),
                2 => DayStart.AddDays(1).AddSeconds(-WindowSeconds + 1 + delay),
                _ => DayStart.AddSeconds(delay),
            },
            DifferenceClass.MissingOnPlatform => DayStart.AddHours(-12),
            _ => ChannelBookedAt(i).AddSeconds(delay),
        };
    }

    private StatementEntry Line(int i)
    {
        var amount = Amount(i);
        var injected = Injected(i);
        var fee = FeeOf(amount);
        if (injected == DifferenceClass.AmountMismatch)
        {
            amount += 1 + (long)(Draw(i, 4) % 100);
        }
        else if (injected == DifferenceClass.FeeMismatch)
        {
            fee += 1 + (long)(Draw(i, 4) % 50);
        }

        return IsRefund(i)
            ? new StatementEntry(StatementEntryKind.Refund, "5030" + i.ToString("D12", null), OrderNo(i - 1), RefundNo(i), Cny(amount), Cny(-fee), ChannelBookedAt(i))
            : new StatementEntry(StatementEntryKind.Payment, "4200" + i.ToString("D12", null), OrderNo(i), null, Cny(amount), Cny(fee), ChannelBookedAt(i));
    }

    private void AddPlatformRecord(int i)
    {
        var injected = Injected(i);
        var refund = IsRefund(i);
        var kind = refund ? StatementEntryKind.Refund : StatementEntryKind.Payment;
        var reference = refund ? RefundNo(i) : OrderNo(i);
        var variant = variants[i];
        if (injected is { } difference)
        {
            truth.Add(new InjectedDifference(difference, kind, reference, Resolution(difference, refund, variant)));
        }

        if (injected == DifferenceClass.MissingOnPlatform && variant % 2 == 0)
        {
            return;
        }

        var amount = Cny(Amount(i));
        var succeeded = injected != DifferenceClass.StatusMismatch;
        DateTimeOffset? bookedAt = succeeded ? PlatformBookedAt(i) : null;
        if (refund)
        {
            var status = succeeded ? PlatformRefundStatus.Succeeded : variant % 2 == 0 ? PlatformRefundStatus.Pending : PlatformRefundStatus.Failed;
            refunds.Add(new PlatformRefund(reference, OrderNo(i - 1), amount, status, bookedAt));
        }
        else
        {
            var status = succeeded ? PlatformPaymentStatus.Succeeded : (variant % 3) switch
            {
                0 => PlatformPaymentStatus.Pending,
                1 => PlatformPaymentStatus.Failed,
                _ => PlatformPaymentStatus.Closed,
            };
            payments.Add(new PlatformPayment(reference, amount, Cny(FeeOf(amount.MinorUnits)), status, bookedAt));
        }
    }

    private static ProposedResolution Resolution(DifferenceClass difference, bool refund, int variant) => difference switch
    {
        DifferenceClass.MissingOnPlatform => variant % 2 == 0 ? ProposedResolution.QueryChannel : ProposedResolution.OperatorReview,
        DifferenceClass.MissingAtChannel => ProposedResolution.QueryChannel,
        DifferenceClass.AmountMismatch => ProposedResolution.OperatorReview,
        DifferenceClass.StatusMismatch when refund => variant % 2 == 0 ? ProposedResolution.BookLateSuccess : ProposedResolution.OperatorReview,
        DifferenceClass.StatusMismatch => variant % 3 == 0 ? ProposedResolution.BookLateSuccess : ProposedResolution.RefundPayer,
        DifferenceClass.FeeMismatch => ProposedResolution.CorrectFee,
        DifferenceClass.Duplicate => ProposedResolution.QueryChannel,
        _ => variant % 4 < 2 ? ProposedResolution.None : ProposedResolution.AwaitNeighbourDay,
    };

    /// <summary>Records the statement does not list and must not report: the neighbouring days' successes, and payments that did not succeed.</summary>
    private void AddNoise(Random random)
    {
        var count = Math.Max(10, records / 50);
        for (var n = 0; n < count; n++)
        {
            var amount = Cny(100 + random.Next(100_000));
            var offset = (n % 4) switch
            {
                0 => TimeSpan.FromSeconds(-1 - random.Next((int)WindowSeconds - 1)),
                1 => TimeSpan.FromDays(1) + TimeSpan.FromSeconds(random.Next((int)WindowSeconds)),
                2 => -TimeSpan.FromHours(1 + random.Next(22)),
                _ => TimeSpan.FromDays(1) + TimeSpan.FromHours(1 + random.Next(22)),
            };
            payments.Add(new PlatformPayment("N" + n.ToString("D10", null), amount, Cny(FeeOf(amount.MinorUnits)), PlatformPaymentStatus.Succeeded, DayStart + offset));
            if (n % 3 == 0)
            {
                refunds.Add(new PlatformRefund("Q" + n.ToString("D10", null), "N" + n.ToString("D10", null), amount, PlatformRefundStatus.Succeeded, DayStart + offset));
            }

            var unfinished = (PlatformPaymentStatus)(1 + (n % 3));
            payments.Add(new PlatformPayment("U" + n.ToString("D10", null), amount, null, unfinished, null));
        }
    }
}
