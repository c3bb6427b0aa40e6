using System.Text;
using Azure.Storage.Blobs.Models;
using PayFunctions.Core.Notifications;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Secrets;
using PayFunctions.Core.Tests.Storage;

namespace PayFunctions.Core.Tests.Notifications;

[Collection(AzuriteCollection.Name)]
public sealed class NotificationLogTests(AzuriteFixture azurite) : IDisposable
{
    private readonly StorageRequestCounter counter = new();

    [Fact]
    public async Task ACopyOfADelivery_IsKnownAsOne_AndCostsOnlyItsRefusedInsert()
    {
        var log = new NotificationLog(azurite.Counted(counter), new SecretEnvelope(VersionedSecrets.WithKeyEncryptionKey()), TimeProvider.System);
        var trade = "4200" + Guid.NewGuid().ToString("N")[..12];

        Assert.False(await log.RecordDeliveryAsync("wechat_pay", trade, "evt_1", "pay_1", CancellationToken.None));
        Assert.True(await log.RecordDeliveryAsync("wechat_pay", trade, "evt_1", "pay_1", CancellationToken.None));
        Assert.False(await log.RecordDeliveryAsync("wechat_pay", trade, "evt_2", "pay_1", CancellationToken.None));

        Assert.Equal(new Dictionary<string, long> { ["notifications insert"] = 3 }, TableRequests.Of(counter));
    }

    [Fact]
    public async Task AnArchivedBody_IsSealedUnderItsBlob_AndNamesNoPayerInTheClear()
    {
        var envelope = new SecretEnvelope(VersionedSecrets.WithKeyEncryptionKey());
        var log = new NotificationLog(azurite.Storage, envelope, TimeProvider.System);
        var channel = "alipay_" + Guid.NewGuid().ToString("N")[..8];
        var body = Encoding.UTF8.GetBytes("buyer_id=2088102177846875&buyer_logon_id=payer%40example.com&trade_no=2024");

        await log.ArchiveAsync(channel, "verified", body, new Dictionary<string, string> { ["X-Sign"] = "abc" }, ["X-Sign"], CancellationToken.None);

        var archive = azurite.Storage.Blobs.GetBlobContainerClient(TableNames.NotificationArchiveContainer);
        var items = new List<BlobItem>();
        await foreach (var blob in archive.GetBlobsAsync(BlobTraits.None, BlobStates.None, channel + "/", CancellationToken.None))
        {
            items.Add(blob);
        }

        var item = Assert.Single(items);
        var stored = (await archive.GetBlobClient(item.Name).DownloadContentAsync()).Value.Content.ToString();
        Assert.DoesNotContain("2088102177846875", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("payer%40example.com", stored, StringComparison.Ordinal);
        Assert.Equal(body, await envelope.OpenBytesAsync(stored, NotificationLog.BodyContext(item.Name), CancellationToken.None));
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(
            () => envelope.OpenBytesAsync(stored, NotificationLog.BodyContext(item.Name + "x"), CancellationToken.None));
    }

    public void Dispose() => counter.Dispose();
}
