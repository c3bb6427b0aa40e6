using PayFunctions.Domain;
using PayFunctions.Domain.Risk;

namespace PayFunctions.RiskModel.History;

/// <summary>
/// One key's payments in the last day, with running counts and sums for each window that are brought up to date as
/// time moves forward: each payment enters every window once and leaves each once, so a long stream costs a constant
/// amount per payment whatever the key's volume. A payment is in a window of length L at time t when it was made less
/// than L before t (t − L &lt; at ≤ t).
/// </summary>
internal sealed class KeyWindows
{
    private const int Minute = 0;
    private const int TenMinutes = 1;
    private const int Hour = 2;
    private const int Day = 3;

    /// <summary>Payments that have left the longest window are dropped once there are this many of them.</summary>
    private const int CompactionThreshold = 256;

    private static readonly long[] LengthTicks =
        [TimeSpan.TicksPerMinute, 10 * TimeSpan.TicksPerMinute, TimeSpan.TicksPerHour, TimeSpan.TicksPerDay];

    private readonly List<Entry> entries = [];
    private readonly int[] starts = new int[LengthTicks.Length];
    private readonly Dictionary<Currency, long> sums1h = [];
    private readonly Dictionary<Currency, long> sums24h = [];
    private int small10m;

    /// <summary>
    /// The counts of the payments added so far as seen at <paramref name="atTicks"/> (UTC ticks, never earlier than the
    /// last call's), with sums in <paramref name="currency"/>.
    /// </summary>
    public WindowCounts At(long atTicks, Currency currency)
    {
        for (var w = 0; w < LengthTicks.Length; w++)
        {
            Expire(w, atTicks - LengthTicks[w]);
        }

        Compact();
        var count = entries.Count;
        return new WindowCounts(
            count - starts[Minute],
            count - starts[TenMinutes],
            count - starts[Hour],
            count - starts[Day],
            sums1h.GetValueOrDefault(currency),
            sums24h.GetValueOrDefault(currency),
            small10m);
    }

    /// <summary>Counts one more payment, made at the time of the last <see cref="At"/>.</summary>
    public void Add(long atTicks, Money amount)
    {
        var small = amount.MinorUnits <= RiskFeatures.SmallAmountMinorUnits;
        entries.Add(new Entry(atTicks, amount, small));
        small10m += small ? 1 : 0;
        sums1h[amount.Currency] = sums1h.GetValueOrDefault(amount.Currency) + amount.MinorUnits;
        sums24h[amount.Currency] = sums24h.GetValueOrDefault(amount.Currency) + amount.MinorUnits;
    }

    /// <summary>Moves window <paramref name="w"/>'s start past the payments made at or before <paramref name="cutoff"/>.</summary>
    private void Expire(int w, long cutoff)
    {
        var start = starts[w];
        while (start < entries.Count && entries[start].AtTicks <= cutoff)
        {
            var leaving = entries[start];
            switch (w)
            {
                case TenMinutes:
                    small10m -= leaving.Small ? 1 : 0;
                    break;
                case Hour:
                    sums1h[leaving.Amount.Currency] -= leaving.Amount.MinorUnits;
                    break;
                case Day:
                    sums24h[leaving.Amount.Currency] -= leaving.Amount.MinorUnits;
                    break;
            }

            start++;
        }

        starts[w] = start;
    }

    /// <summary>Drops the payments that have left every window; the day's window starts earliest.</summary>
    private void Compact()
    {
        var gone = starts[Day];
        if (gone < CompactionThreshold || gone < entries.Count / 2)
        {
            return;
        }

        entries.RemoveRange(0, gone);
        for (var w = 0; w < starts.Length; w++)
        {
            starts[w] -= gone;
        }
    }

    private readonly record struct Entry(long AtTicks, Money Amount, bool Small);
}
