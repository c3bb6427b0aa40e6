using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Webhooks;

/// <summary>
/// Ids of the events a merchant sends to themselves. They share the <c>evt_</c> + <see cref="NewestFirstIds"/> body
/// shape of payment and refund events, so the delivery log reads newest first across all of them.
/// </summary>
public static class WebhookTestEvents
{
    public const string Type = "test.event";

    private const string Prefix = "evt_";
    private const string Suffix = "_test";

    public static string NewId(TimeProvider time) => NewestFirstIds.New(Prefix, time) + Suffix;

    /// <summary>
    /// Whether <paramref name="id"/> can name an event row: <c>evt_</c>, a newest-first body, and a short suffix of
    /// lower-case letters and underscores (<c>_test</c>, <c>_succeeded</c>, <c>_refund_succeeded</c>).
    /// </summary>
    public static bool IsEventId(string? id)
    {
        if (id is null || id.Length > Prefix.Length + NewestFirstIds.BodyLength + 32)
        {
            return false;
        }

        var bodyEnd = Prefix.Length + NewestFirstIds.BodyLength;
        return id.Length > bodyEnd + 1
            && NewestFirstIds.IsWellFormed(id[..bodyEnd], Prefix)
            && id[bodyEnd] == '_'
            && id[(bodyEnd + 1)..].All(c => c is (>= 'a' and <= 'z') or '_');
    }
}
