namespace PayFunctions.LoadDriver;

/// <summary>Counts failed requests by kind and keeps the first few answers to show.</summary>
public sealed class ErrorLog
{
    public const int SampleCount = 5;
    private const int MaxSampleLength = 500;

    private readonly Lock gate = new();
    private readonly SortedDictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly List<string> samples = [];

    public void Record(string kind, string detail)
    {
        lock (gate)
        {
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            if (samples.Count < SampleCount)
            {
                samples.Add($"{kind}: {(detail.Length > MaxSampleLength ? detail[..MaxSampleLength] + "…" : detail)}");
            }
        }
    }

    public IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            lock (gate)
            {
                return new SortedDictionary<string, int>(counts, StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyList<string> Samples
    {
        get
        {
            lock (gate)
            {
                return [.. samples];
            }
        }
    }
}
