namespace PayFunctions.Domain.Aml;

/// <summary>What a detection found.</summary>
public enum AmlPattern
{
    /// <summary>A large-value transaction (大额交易): one or the same day's payments of a party at or above the reporting standard.</summary>
    LargeValue,

    /// <summary>Several payments each just under a standard whose sum crosses it (拆分交易).</summary>
    Structuring,

    /// <summary>Money credited to a receiver and paid out again soon after, little left behind (快进快出).</summary>
    RapidInOut,

    /// <summary>Many distinct payers paying into one receiver within a short window (分散转入).</summary>
    Funnelling,
}

/// <summary>The stable codes of <see cref="AmlPattern"/>, as stored and shown.</summary>
public static class AmlPatterns
{
    /// <summary>The pattern's code, e.g. <c>large_value</c>.</summary>
    public static string Code(AmlPattern pattern) => pattern switch
    {
        AmlPattern.LargeValue => "large_value",
        AmlPattern.Structuring => "structuring",
        AmlPattern.RapidInOut => "rapid_in_out",
        _ => "funnelling",
    };

    /// <summary>Suspicious patterns open cases and go to the suspicious-transaction report; large values are reported as such.</summary>
    public static bool IsSuspicious(AmlPattern pattern) => pattern != AmlPattern.LargeValue;
}
