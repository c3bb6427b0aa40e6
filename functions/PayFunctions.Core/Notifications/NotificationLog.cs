using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Notifications;

/// <summary>
/// Verified channel notifications, kept byte for byte in Blobs for audit and dispute, one blob per delivery, and a
/// dedupe row per (channel, channel trade number, event) written by its first delivery. Rejected ones go to the
/// bounded <see cref="Notifications.RejectedNotificationLog"/>. A body names the payer (an openid, a buyer id, a
/// wallet payer's e-mail and name), so the blob holds it sealed under <see cref="BodyContext"/>.
/// </summary>
public sealed class NotificationLog(StorageClients clients, SecretEnvelope envelope, TimeProvider time)
{
    private TableClient Table => clients.Tables.GetTableClient(TableNames.Notifications);

    /// <summary>What an archived body is sealed under: its blob, so a body copied to another blob does not open.</summary>
    public static string BodyContext(string blobName) => $"{TableNames.NotificationArchiveContainer}/{blobName}";

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
        var sealedBody = await envelope.SealBytesAsync(body, BodyContext(name), cancellationToken);
        await blob.UploadAsync(BinaryData.FromString(sealedBody), new BlobUploadOptions { Metadata = metadata }, cancellationToken);
    }

    /// <summary>
    /// Records a delivery; returns true when this (channel, trade, event) was seen before. A copy costs only the refused
    /// insert: its bytes are archived like the first's, so counting copies on the row would only repeat the archive.
    /// </summary>
    public async Task<bool> RecordDeliveryAsync(string channel, string channelTradeNo, string eventId, string paymentId, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(
                new TableEntity(channel + "_" + channelTradeNo, eventId) { ["PaymentId"] = paymentId, ["FirstSeenAt"] = time.GetUtcNow() },
                cancellationToken);
            return false;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return true;
        }
    }
}
