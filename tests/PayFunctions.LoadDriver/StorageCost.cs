using System.Globalization;
using System.Text;

namespace PayFunctions.LoadDriver;

/// <summary>One kind of request and how many of it one payment cost.</summary>
public sealed record StorageCostLine(string Origin, string Service, string Kind, string Resource, double PerPayment);

/// <summary>
/// The storage requests of one phase (creating payments, or completing them) divided by the payments
/// it handled, once as counted and once with the requests an idle LocalHost sends in as long a time
/// (queue polling, timers) subtracted, kind by kind.
/// </summary>
public sealed record StorageCost(string Phase, int Payments, double Seconds, long Requests, double PerPayment, double NetPerPayment, IReadOnlyList<StorageCostLine> Lines)
{
    public static StorageCost From(
        string phase, int payments, TimeSpan elapsed, IReadOnlyDictionary<StorageKind, long> counted, IReadOnlyDictionary<StorageKind, double> idlePerSecond)
    {
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(idlePerSecond);
        var per = Math.Max(payments, 1);
        var lines = counted
            .Select(c => (c.Key, Net: Math.Max(0, c.Value - (idlePerSecond.GetValueOrDefault(c.Key) * elapsed.TotalSeconds))))
            .Where(c => c.Net / per >= 0.05)
            .OrderByDescending(c => c.Net)
            .Select(c => new StorageCostLine(c.Key.Origin, c.Key.Service, c.Key.Kind, c.Key.Resource, Math.Round(c.Net / per, 2)))
            .ToList();
        var total = counted.Values.Sum();
        return new StorageCost(
            phase, payments, Math.Round(elapsed.TotalSeconds, 1), total, Math.Round((double)total / per, 1), Math.Round(lines.Sum(l => l.PerPayment), 1), lines);
    }

    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"storage requests, {Phase}: {Requests} for {Payments} payments in {Seconds:0.0} s = {PerPayment:0.0} per payment; {NetPerPayment:0.0} without idle polling");
        foreach (var group in Lines.GroupBy(l => (l.Origin, l.Service)).OrderByDescending(g => g.Sum(l => l.PerPayment)))
        {
            text.AppendLine(c, $"  {group.Key.Origin} {group.Key.Service}: {group.Sum(l => l.PerPayment):0.0}");
            foreach (var line in group)
            {
                text.AppendLine(c, $"    {line.PerPayment,6:0.00}  {line.Kind} {line.Resource}");
            }
        }

        return text.ToString();
    }
}
