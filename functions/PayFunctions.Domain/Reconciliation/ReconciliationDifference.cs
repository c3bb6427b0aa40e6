using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Domain.Reconciliation;

/// <summary>One difference between a channel's statement and the platform's records, with both sides' facts.</summary>
/// <param name="Id">
/// Stable id: the same day, account, class, kind, reference and occurrence always give the same id, so a re-run of a
/// day finds the differences it already recorded (32 lower-case hex digits of a SHA-256).
/// </param>
/// <param name="Class">How the two sides disagree.</param>
/// <param name="Kind">Whether it concerns a payment, a refund or a totalled line.</param>
/// <param name="Reference">The platform's number (order or refund number) when known, else the channel's reference.</param>
/// <param name="Occurrence">0 for the first difference of this class, kind and reference; 1, 2 ... for further duplicates.</param>
/// <param name="Resolution">What an orchestration should try first.</param>
/// <param name="Statement">The channel's line; null for 短款 and for a platform record the channel will list on the neighbouring day.</param>
/// <param name="Payment">The platform's payment, when there is one.</param>
/// <param name="Refund">The platform's refund, when there is one.</param>
/// <param name="EarlierChannelReference">For a duplicate, the channel reference of the line matched before it.</param>
public sealed record ReconciliationDifference(
    string Id,
    DifferenceClass Class,
    StatementEntryKind Kind,
    string Reference,
    int Occurrence,
    ProposedResolution Resolution,
    StatementEntry? Statement,
    PlatformPayment? Payment,
    PlatformRefund? Refund,
    string? EarlierChannelReference)
{
    /// <summary>
    /// The id of the difference of <paramref name="day"/> with this subject: what lets a neighbouring day's run find the
    /// half of a date-boundary shift that the other day recorded.
    /// </summary>
    public static string IdOf(ChannelAccountId account, DateOnly day, DifferenceClass difference, StatementEntryKind kind, string reference, int occurrence)
    {
        var key = string.Join(
            '|',
            account.ToString(),
            day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReconciliationCodes.Of(difference),
            ReconciliationCodes.Of(kind),
            reference,
            occurrence.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16);
    }
}
