using System.Text.RegularExpressions;
using Azure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PayFunctions.Channels;
using PayFunctions.Core.Notifications;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Channels;

/// <summary>
/// Files channels drop for the platform (a bank's camt notifications and statements), as blobs
/// <c>{channel}/{account}/{file}</c> in <see cref="Container"/>. The account's adapter reads a file whole before anything
/// is applied; its notifications then take the path of every verified notification, and the file moves to
/// <see cref="ProcessedContainer"/>, or, when it cannot be read, to <see cref="QuarantineContainer"/> with a log, sealed
/// under <see cref="KeptContext"/>: a bank's file names its payers and their accounts. A file
/// whose processing fails half-way stays in the inbox and is read again: every step is keyed by the channel's event
/// ids, so nothing is applied twice.
/// </summary>
public sealed partial class ChannelInbox(
    StorageClients clients,
    ChannelRegistry channels,
    NotificationDispatcher dispatcher,
    IChannelWorkQueue work,
    UnmatchedCredits unmatched,
    SecretEnvelope envelope,
    ILogger<ChannelInbox> logger)
{
    public const string Container = "channel-inbox";
    public const string ProcessedContainer = "channel-inbox-processed";
    public const string QuarantineContainer = "channel-inbox-quarantine";

    public static IReadOnlyList<string> Containers { get; } = [Container, ProcessedContainer, QuarantineContainer];

    public static bool IsValidFileName(string? name) => name is not null && FileName().IsMatch(name);

    /// <summary>What a kept file is sealed under: its container and name, so a file copied elsewhere does not open.</summary>
    public static string KeptContext(string container, string blobName) => $"{container}/{blobName}";

    /// <summary>Reads every file in the inbox, oldest name first; returns how many it took out of the inbox.</summary>
    public async Task<int> SweepAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var inbox = clients.Blobs.GetBlobContainerClient(Container);
        var names = new List<string>();
        await foreach (var item in inbox.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            names.Add(item.Name);
        }

        var done = 0;
        foreach (var name in names)
        {
            done += await ProcessAsync(name, durable, cancellationToken) ? 1 : 0;
        }

        return done;
    }

    /// <summary>Reads one file; true when it left the inbox (processed or quarantined), false when it was already gone.</summary>
    public async Task<bool> ProcessAsync(string blobName, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var blob = clients.Blobs.GetBlobContainerClient(Container).GetBlobClient(blobName);
        var parts = blobName.Split('/');
        if (parts.Length != 3 || !ChannelRegistry.IsKnown(parts[0]) || !ChannelRegistry.IsValidAccountId(parts[1]) || !IsValidFileName(parts[2])
            || !channels.AccountsOf(parts[0]).Contains(parts[1]))
        {
            return await QuarantineAsync(blob, null, "not_a_channel_account_file", cancellationToken);
        }

        var (channelName, account) = (parts[0], parts[1]);
        if (await channels.GetAsync(channelName, account, cancellationToken) is not IChannelNotificationFiles files)
        {
            return await QuarantineAsync(blob, null, "channel_sends_no_files", cancellationToken);
        }

        byte[] content;
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (properties.Value.ContentLength > files.MaxFileBytes)
            {
                return await QuarantineAsync(blob, null, "file_too_large", cancellationToken);
            }

            content = (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }

        IReadOnlyList<ChannelNotification> notifications;
        try
        {
            notifications = await files.ReadAsync(new MemoryStream(content, writable: false), cancellationToken);
        }
        catch (ChannelNotificationException e)
        {
            return await QuarantineAsync(blob, content, e.Reason, cancellationToken);
        }

        foreach (var notification in notifications)
        {
            await ApplyAsync(channelName, account, notification, durable, cancellationToken);
        }

        await MoveAsync(blob, ProcessedContainer, content, cancellationToken);
        LogProcessed(logger, blobName, notifications.Count);
        return true;
    }

    /// <summary>
    /// Money in a file has already moved and cannot be refused as a callback can: a credit quoting no payment is held in
    /// suspense for an operator, and one in another amount than the open payment's is booked and given back while the
    /// payment waits for the right amount.
    /// </summary>
    private async Task ApplyAsync(string channelName, string account, ChannelNotification notification, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var dispatch = await dispatcher.DispatchAsync(channelName, [account], notification, durable, cancellationToken);
        switch (dispatch.Outcome)
        {
            case NotificationOutcome.UnknownOrder when notification.Refund is null && notification.State == ChannelTradeState.Succeeded:
                // No payment says the mode: the account the money reached does, as only payments of its mode reach it.
                await unmatched.RecordAsync(
                    channelName,
                    account,
                    notification.EventId,
                    notification.Amount,
                    notification.PaidAt ?? DateTimeOffset.UnixEpoch,
                    null,
                    UnmatchedCredits.UnknownReference,
                    LedgerBooks.Of(channels.IsTestAccount(channelName, account)),
                    cancellationToken);
                break;
            case NotificationOutcome.AmountMismatch when dispatch.Payment is { } payment:
                await work.EnqueueAsync(NotificationDispatcher.ReconcileWork(payment, notification), cancellationToken);
                break;
            case NotificationOutcome.UnknownRefund or NotificationOutcome.RefundAmountMismatch:
                LogRefundNotApplied(logger, channelName, account, notification.EventId, dispatch.Outcome);
                break;
        }
    }

    private async Task<bool> QuarantineAsync(Azure.Storage.Blobs.BlobClient blob, byte[]? content, string reason, CancellationToken cancellationToken)
    {
        try
        {
            content ??= (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }

        await MoveAsync(blob, QuarantineContainer, content, cancellationToken);
        LogQuarantined(logger, blob.Name, reason);
        return true;
    }

    /// <summary>Keeps the bytes read (so what is kept is what was applied), sealed, then deletes the original.</summary>
    private async Task MoveAsync(Azure.Storage.Blobs.BlobClient blob, string container, byte[] content, CancellationToken cancellationToken)
    {
        var sealedContent = await envelope.SealBytesAsync(content, KeptContext(container, blob.Name), cancellationToken);
        await clients.Blobs.GetBlobContainerClient(container).GetBlobClient(blob.Name).UploadAsync(BinaryData.FromString(sealedContent), overwrite: true, cancellationToken);
        await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    [LoggerMessage(EventId = 9254, Level = LogLevel.Information, Message = "Channel file {Name} processed: {Count} movements")]
    private static partial void LogProcessed(ILogger logger, string name, int count);

    [LoggerMessage(EventId = 9255, Level = LogLevel.Error, Message = "Channel file {Name} quarantined: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 9256, Level = LogLevel.Error, Message = "{Channel}/{Account} refund report {EventId} not applied: {Outcome}")]
    private static partial void LogRefundNotApplied(ILogger logger, string channel, string account, string eventId, NotificationOutcome outcome);
}
