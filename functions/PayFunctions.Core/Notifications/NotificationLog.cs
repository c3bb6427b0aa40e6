using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Notifications;

/// <summary>
/// Verified channel notifications, kept byte for byte in Blobs for audit and dispute, and a dedupe row
/// per (channel, channel trade number, event) that counts how often each was delivered. Rejected ones
/// go to the bounded <see cref="Notifications.RejectedNotificationLog"/>.
/// </summary>
public sealed class NotificationLog(StorageClients clients, TimeProvider time)
{
    private TableClient Table => clients.Tables.GetTableClient(TableNames.Notifications);

    /// <summary>Keeps the body and the headers that carry the channel's signature (<paramref name="evidenceHeaders"/>).</summary>
    public async Task ArchiveAsync(
        string channel, string verdict, byte[] body, IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> evidenceHeaders, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var digest = Convert.ToHexStringLower(SHA256.HashData(body))[..16];
        var name = $"{channel}/{verdict}/{now:yyyy/MM/dd}/{now:HHmmssfff}-{digest}.json";
        var blob = clients.Blobs.GetBlobContainerClient(TableNames.NotificationArchiveContainer).GetBlobClient(name);
        // Blob metadata takes printable ASCII only; a verified body may still arrive with extra headers.
        var metadata = headers
            .Where(h => evidenceHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)
                && h.Key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                && h.Value.Length <= 1024 && h.Value.All(c => c is >= ' ' and <= '~'))
            .ToDictionary(h => h.Key.Replace("-", "_", StringComparison.Ordinal), h => h.Value, StringComparer.Ordinal);
        await blob.UploadAsync(new BinaryData(body), new BlobUploadOptions { Metadata = metadata }, cancellationToken);
    }

    /// <summary>Records a delivery; returns true when this (channel, trade, event) was seen before.</summary>
    public async Task<bool> RecordDeliveryAsync(string channel, string channelTradeNo, string eventId, string paymentId, CancellationToken cancellationToken)
    {
        var partition = channel + "_" + channelTradeNo;
        try
        {
            await Table.AddEntityAsync(
                new TableEntity(partition, eventId) { ["PaymentId"] = paymentId, ["Deliveries"] = 1, ["FirstSeenAt"] = time.GetUtcNow() },
                cancellationToken);
            return false;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await CountDuplicateAsync(partition, eventId, cancellationToken);
            return true;
        }
    }

    private async Task CountDuplicateAsync(string partition, string eventId, CancellationToken cancellationToken)
    {
        var existing = (await Table.GetEntityAsync<TableEntity>(partition, eventId, cancellationToken: cancellationToken)).Value;
        existing["Deliveries"] = (existing.GetInt32("Deliveries") ?? 1) + 1;
        try
        {
            await Table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // A concurrent duplicate counted itself; the count is informational.
        }
    }
}
