namespace PayFunctions.Domain.Reconciliation;

/// <summary>
/// The platform's records of one kind, indexed by the number the channel knows them by, with the channel reference
/// of the statement line that matched each. Memory is proportional to the platform's records, never to the statement.
/// </summary>
internal sealed class PlatformIndex<T>
    where T : class
{
    private readonly T[] records;
    private readonly string?[] matchedBy;
    private readonly Dictionary<string, int> positions;

    public PlatformIndex(IEnumerable<T> records, Func<T, string> id, Action<T> validate)
    {
        ArgumentNullException.ThrowIfNull(records);
        this.records = [.. records];
        matchedBy = new string?[this.records.Length];
        positions = new Dictionary<string, int>(this.records.Length, StringComparer.Ordinal);
        for (var i = 0; i < this.records.Length; i++)
        {
            var record = this.records[i] ?? throw new ArgumentException("A platform record is null.", nameof(records));
            validate(record);
            if (!positions.TryAdd(id(record), i))
            {
                throw new ArgumentException($"The platform's records hold '{id(record)}' twice.", nameof(records));
            }
        }
    }

    /// <summary>How many records there are; positions run from 0 to <c>Count - 1</c>.</summary>
    public int Count => records.Length;

    /// <summary>The record at <paramref name="position"/>.</summary>
    public T this[int position] => records[position];

    /// <summary>The position of the record with <paramref name="id"/>, or -1.</summary>
    public int Find(string id) => positions.TryGetValue(id, out var position) ? position : -1;

    /// <summary>The channel reference of the line that matched the record at <paramref name="position"/>, or null.</summary>
    public string? MatchedBy(int position) => matchedBy[position];

    /// <summary>Records that the line with <paramref name="channelReference"/> matched the record at <paramref name="position"/>.</summary>
    public void Match(int position, string channelReference) => matchedBy[position] = channelReference;
}
