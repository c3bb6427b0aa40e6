using Azure;
using Azure.Storage.Blobs.Models;
using PayFunctions.Channels;
using PayFunctions.Core.Storage;

namespace PayFunctions.Core.Channels;

/// <summary>
/// A channel account's outbox: blobs <c>{channel}/{account}/{file}</c> in <see cref="Container"/>, where the channel (a
/// bank's file transfer) collects them. A file is written only if absent, so a repeated operation leaves the first.
/// </summary>
public sealed class BlobChannelOutbox(StorageClients clients, string channel, string account) : IChannelOutbox
{
    public const string Container = "channel-outbox";

    public async Task<bool> PutAsync(string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (!ChannelInbox.IsValidFileName(fileName))
        {
            throw new ArgumentException("A file name is 1 to 128 letters, digits, '.', '_' and '-'.", nameof(fileName));
        }

        var blob = clients.Blobs.GetBlobContainerClient(Container).GetBlobClient($"{channel}/{account}/{fileName}");
        try
        {
            await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
