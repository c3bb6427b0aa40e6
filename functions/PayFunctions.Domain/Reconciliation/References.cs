namespace PayFunctions.Domain.Reconciliation;

/// <summary>
/// What a reference (a channel's id, an order or refund number) must look like before it is used as a key and written
/// into a difference's id and a report: the channels' own ids are at most 64 characters, and control characters have
/// no place in any of them (they would forge lines in a log or a report).
/// </summary>
internal static class References
{
    /// <summary>The longest reference accepted, twice the longest any supported channel issues.</summary>
    public const int MaxLength = 128;

    /// <summary>Whether <paramref name="reference"/> is non-empty, at most <see cref="MaxLength"/> characters and free of control characters.</summary>
    public static bool IsValid(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || reference.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in reference)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
