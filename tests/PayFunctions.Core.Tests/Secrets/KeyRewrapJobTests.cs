using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging.Abstractions;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Notifications;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Storage;

namespace PayFunctions.Core.Tests.Secrets;

[Collection(AzuriteCollection.Name)]
public sealed class KeyRewrapJobTests(AzuriteFixture azurite)
{
    private const string Payout = """{"type":"bank_account","account_number":"6222020200112233445"}""";
    private readonly string merchant = "mch_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string versionA = "a" + Guid.NewGuid().ToString("N")[..8];
    private readonly string versionB = "b" + Guid.NewGuid().ToString("N")[..8];
    private readonly HookedSecrets vault = new();

    private TableClient Accounts => azurite.Storage.Tables.GetTableClient(TableNames.Accounts);

    private ArchiveReader Archive => new(azurite.Storage.Blobs.GetBlobContainerClient(TableNames.NotificationArchiveContainer));

    private SecretEnvelope Envelope => new(vault);

    [Fact]
    public async Task AfterRotation_BothVersionsOpen_TheRewrapMovesEveryValueToTheNewOne_AndASecondRunChangesNothing()
    {
        vault.Inner.AddVersion(SecretEnvelope.KeySecretName, versionA, VersionedSecrets.NewKey());
        var accounts = new[] { await AddAccountAsync(), await AddAccountAsync() };
        var blob = await ArchiveAsync();
        vault.Inner.AddVersion(SecretEnvelope.KeySecretName, versionB, VersionedSecrets.NewKey());
        var newer = await AddAccountAsync();

        Assert.Equal(versionA, VersionOf(await PayoutOfAsync(accounts[0])));
        Assert.Equal(versionB, VersionOf(await PayoutOfAsync(newer)));
        foreach (var id in accounts.Append(newer))
        {
            Assert.Equal(Payout, await Envelope.OpenAsync(await PayoutOfAsync(id), AccountEntity.PayoutContext(merchant, id), CancellationToken.None));
        }

        var bodyBefore = (await Archive.ReadAsync(blob)).Split('.')[3];
        var first = await Job().RunAsync(CancellationToken.None);

        Assert.Equal(versionB, first.KeyVersion);
        Assert.True(first.Rewrapped >= 3, first.ToString());
        foreach (var id in accounts.Append(newer))
        {
            var sealedText = await PayoutOfAsync(id);
            Assert.Equal(versionB, VersionOf(sealedText));
            Assert.Equal(Payout, await Envelope.OpenAsync(sealedText, AccountEntity.PayoutContext(merchant, id), CancellationToken.None));
        }

        var archived = await Archive.ReadAsync(blob);
        Assert.Equal(versionB, VersionOf(archived));
        Assert.Equal(bodyBefore, archived.Split('.')[3]);
        Assert.Equal("buyer_id=2088102177846875", Encoding.UTF8.GetString(await Envelope.OpenBytesAsync(archived, NotificationLog.BodyContext(blob), CancellationToken.None)));

        var etags = await Task.WhenAll(accounts.Append(newer).Select(async id => (await Accounts.GetEntityAsync<TableEntity>(merchant, id)).Value.ETag));
        var second = await Job().RunAsync(CancellationToken.None);

        Assert.Equal(0, second.Rewrapped);
        Assert.True(second.AlreadyCurrent >= 4);
        Assert.Equal(etags, await Task.WhenAll(accounts.Append(newer).Select(async id => (await Accounts.GetEntityAsync<TableEntity>(merchant, id)).Value.ETag)));
    }

    [Fact]
    public async Task ARowChangedBetweenTheReadAndTheWrite_KeepsWhatTheOtherWriterWrote()
    {
        vault.Inner.AddVersion(SecretEnvelope.KeySecretName, versionA, VersionedSecrets.NewKey());
        var id = await AddAccountAsync();
        vault.Inner.AddVersion(SecretEnvelope.KeySecretName, versionB, VersionedSecrets.NewKey());
        var concurrent = await Envelope.SealAsync("""{"type":"wechat_pay","openid":"changed"}""", AccountEntity.PayoutContext(merchant, id), CancellationToken.None);

        // The re-wrap reads version A's key after it read the row: the other writer lands just then.
        vault.BeforeVersionRead = async version =>
        {
            if (version == versionA)
            {
                vault.BeforeVersionRead = null;
                var row = (await Accounts.GetEntityAsync<TableEntity>(merchant, id)).Value;
                row[nameof(AccountEntity.PayoutSealed)] = concurrent;
                await Accounts.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
            }
        };

        var report = await Job().RunAsync(CancellationToken.None);

        Assert.True(report.ChangedMeanwhile >= 1, report.ToString());
        Assert.Equal(concurrent, await PayoutOfAsync(id));
    }

    private KeyRewrapJob Job() => new(azurite.Storage, Envelope, NullLogger<KeyRewrapJob>.Instance);

    private static string VersionOf(string sealedText) => sealedText.Split('.')[1];

    private async Task<string> AddAccountAsync()
    {
        var id = "acct_" + Guid.NewGuid().ToString("N")[..16];
        await Accounts.AddEntityAsync(new TableEntity(merchant, id)
        {
            [nameof(AccountEntity.PayoutSealed)] = await Envelope.SealAsync(Payout, AccountEntity.PayoutContext(merchant, id), CancellationToken.None),
            [nameof(AccountEntity.PayoutLast4)] = "3445",
        });
        return id;
    }

    private async Task<string> PayoutOfAsync(string id) =>
        (await Accounts.GetEntityAsync<TableEntity>(merchant, id)).Value.GetString(nameof(AccountEntity.PayoutSealed));

    private async Task<string> ArchiveAsync()
    {
        var channel = "rewrap_" + Guid.NewGuid().ToString("N")[..8];
        await new NotificationLog(azurite.Storage, Envelope, TimeProvider.System)
            .ArchiveAsync(channel, "verified", Encoding.UTF8.GetBytes("buyer_id=2088102177846875"), new Dictionary<string, string>(), [], CancellationToken.None);
        return await Archive.SingleNameAsync(channel + "/");
    }

    private sealed class ArchiveReader(Azure.Storage.Blobs.BlobContainerClient container)
    {
        public async Task<string> ReadAsync(string name) => (await container.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();

        public async Task<string> SingleNameAsync(string prefix)
        {
            var names = new List<string>();
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None))
            {
                names.Add(item.Name);
            }

            return Assert.Single(names);
        }
    }

    /// <summary>Key Vault with a moment to act in: just before a version of a secret is read.</summary>
    private sealed class HookedSecrets : ISecretStore
    {
        public VersionedSecrets Inner { get; } = new();

        public Func<string, Task>? BeforeVersionRead { get; set; }

        public Task<SecretVersion?> GetCurrentAsync(string name, CancellationToken cancellationToken) => Inner.GetCurrentAsync(name, cancellationToken);

        public async Task<string?> GetVersionAsync(string name, string version, CancellationToken cancellationToken)
        {
            if (BeforeVersionRead is { } hook)
            {
                await hook(version);
            }

            return await Inner.GetVersionAsync(name, version, cancellationToken);
        }
    }
}
