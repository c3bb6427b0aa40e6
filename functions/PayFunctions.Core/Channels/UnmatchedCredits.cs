using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Ledger;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Channels;

/// <summary>
/// Money a channel reported that no refund of the platform's can give back by itself: a credit quoting no payment of
/// the account, or a further credit for a payment whose one late-payment refund is taken. It is booked to
/// <c>suspense:late_payments</c> (debit the channel's clearing account, as for a late payment) so the ledger matches the
/// channel's statement, and recorded in <c>unmatchedcredits</c> for an operator, who returns it by hand. Both writes
/// are keyed by the channel's event id, so reading the same credit again changes nothing.
/// </summary>
public sealed partial class UnmatchedCredits(StorageClients clients, LedgerStore ledger, TimeProvider time, ILogger<UnmatchedCredits> logger)
{
    /// <summary>The credit quotes no payment of the account.</summary>
    public const string UnknownReference = "unknown_reference";

    /// <summary>The payment it quotes already gives back another credit.</summary>
    public const string FurtherCredit = "further_credit";

    public static string EntryId(string channel, string account, string eventId) => "je_unmatched_" + Key(channel, account, eventId)[..32];

    /// <param name="paymentId">The payment the credit quoted, when it quoted one.</param>
    /// <param name="book">The payment's book, or for a credit quoting none, the book of the account's mode.</param>
    public async Task RecordAsync(
        string channel, string account, string eventId, Money amount, DateTimeOffset bookedAt, string? paymentId, string reason, LedgerBook book, CancellationToken cancellationToken)
    {
        await ledger.PostAsync(
            book.Post(
                Postings.LatePaymentReceived(EntryId(channel, account, eventId), paymentId ?? eventId, channel, amount, bookedAt)),
            cancellationToken);
        var row = new TableEntity(channel, Key(channel, account, eventId))
        {
            ["Account"] = account,
            ["EventId"] = eventId,
            ["PaymentId"] = paymentId,
            ["Amount"] = amount.MinorUnits,
            ["Currency"] = amount.Currency.Code,
            ["BookedAt"] = bookedAt,
            ["Reason"] = reason,
            ["RecordedAt"] = time.GetUtcNow(),
        };
        try
        {
            await clients.Tables.GetTableClient(TableNames.UnmatchedCredits).AddEntityAsync(row, cancellationToken);
            LogUnmatched(logger, channel, account, eventId, amount.ToString(), reason);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Read before: recorded and booked already.
        }
    }

    /// <summary>Event ids come from the channel's files: hashed, they are safe as keys whatever their characters.</summary>
    private static string Key(string channel, string account, string eventId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{channel}\n{account}\n{eventId}")));

    [LoggerMessage(EventId = 9253, Level = LogLevel.Critical, Message = "{Channel}/{Account} credit {EventId} of {Amount} is held in suspense for an operator: {Reason}")]
    private static partial void LogUnmatched(ILogger logger, string channel, string account, string eventId, string amount, string reason);
}
