using System.Globalization;
using System.Text.Json;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.Refunds;

/// <summary>Checks a refund create's own fields; the amount against the payment is checked when it is reserved.</summary>
public static class CreateRefundValidator
{
    public const int MaxReasonLength = 80;
    private const int MaxMetadataKeys = 50;
    private const int MaxMetadataJsonLength = 8 * 1024;

    public sealed record Valid(long? Amount, string? Reason, string? MetadataJson);

    public static (Valid? Value, ApiError? Error) Validate(CreateRefundRequest r)
    {
        if (r.Amount is < 1)
        {
            return (null, ApiError.InvalidRequest("amount", "amount must be a positive integer in the currency's minor unit."));
        }

        // The reason reaches the channel and the payer's statement: printable text only, no control characters.
        if (r.Reason is { } reason && (reason.Length is 0 or > MaxReasonLength || !IsPrintable(reason) || reason.Trim().Length != reason.Length))
        {
            return (null, ApiError.InvalidRequest("reason", $"reason must be 1 to {MaxReasonLength} printable characters without leading or trailing spaces."));
        }

        if (r.Metadata is { } metadata
            && (metadata.Count > MaxMetadataKeys || metadata.Any(kv => kv.Key.Length is 0 or > 40 || kv.Value is null || kv.Value.Length > 500)))
        {
            return (null, ApiError.InvalidRequest("metadata", "metadata holds at most 50 keys of up to 40 characters, with string values of up to 500 characters."));
        }

        var metadataJson = r.Metadata is null ? null : JsonSerializer.Serialize(r.Metadata, ApiJson.Options);
        if (metadataJson?.Length > MaxMetadataJsonLength)
        {
            return (null, ApiError.InvalidRequest("metadata", $"metadata must be at most {MaxMetadataJsonLength} characters as JSON."));
        }

        return (new Valid(r.Amount, r.Reason, metadataJson), null);
    }

    /// <summary>No control or invisible formatting characters (which could disguise the text), no broken surrogate pairs.</summary>
    private static bool IsPrintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.GetUnicodeCategory(text[i]) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
        }

        return true;
    }
}
