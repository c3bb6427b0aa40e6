using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>
/// The scan reads every place storage can hold a secret: secrets planted in a fresh Azurite's table property, blob,
/// blob metadata, queue and poison queue (base64-encoded, as the queue SDK can write them) are each found where they
/// were put, and nothing else is.
/// </summary>
public sealed class StoredContentsTests : IAsyncLifetime
{
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string Kek = "q3Jm8yH0dF1xZ2p9Lk4sV7bN6cR5tW8eA1uI0oP3yT4=";
    private readonly string work = Path.Combine(Path.GetTempPath(), "payfunctions-scan-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int blobPort = PlatformFixture.FreePort();
    private readonly int queuePort = PlatformFixture.FreePort();
    private readonly int tablePort = PlatformFixture.FreePort();
    private ManagedProcess? azurite;

    private string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(work);
        azurite = ManagedProcess.Start(
            "node",
            [
                Path.Combine(PlatformFixture.RepositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js"),
                "--silent", "--skipApiVersionCheck", "--inMemoryPersistence",
                "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort),
                "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
                "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
            ],
            work,
            new Dictionary<string, string>());
        await PlatformFixture.WaitForPortAsync(tablePort, azurite);
        await PlatformFixture.WaitForPortAsync(queuePort, azurite);
        await PlatformFixture.WaitForPortAsync(blobPort, azurite);
    }

    [Fact]
    public async Task SecretsPlantedInEveryKindOfStorage_AreEachFoundWhereTheyWerePut()
    {
        var table = new TableServiceClient(ConnectionString).GetTableClient("payments");
        await table.CreateAsync();
        await table.AddEntityAsync(new TableEntity("mch_a", "pay_1") { ["Description"] = "card 4111 1111 1111 1111", ["Amount"] = 1999L });
        await table.AddEntityAsync(new TableEntity("mch_a", "pay_2") { ["Description"] = "order 20261129", ["Amount"] = 4111111111111111L });
        var container = new BlobServiceClient(ConnectionString).GetBlobContainerClient("evidence");
        await container.CreateAsync();
        await container.GetBlobClient("a/b.json").UploadAsync(BinaryData.FromString("""{"key":"-----BEGIN PRIVATE KEY-----\nMII"}"""));
        await container.GetBlobClient("a/c.json").UploadAsync(BinaryData.FromString("{}"), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = new Dictionary<string, string> { ["sig"] = Kek } });
        var queues = new QueueServiceClient(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var workQueue = queues.GetQueueClient("work");
        await workQueue.CreateAsync();
        await workQueue.SendMessageAsync("""{"payer":{"id":"sk_live_0123456789abcdefghijklmn"}}""");
        await workQueue.SendMessageAsync("""{"payer":{"id":"o1"}}""");
        var poison = queues.GetQueueClient("work-poison");
        await poison.CreateAsync();
        await poison.SendMessageAsync("whsec_" + new string('Q', 32));

        var scanner = new PlaintextSecretScanner([new("secret key-encryption-key", Kek)]);
        var findings = new List<SecretFinding>();
        await foreach (var item in StoredContents.ReadAsync(ConnectionString))
        {
            findings.AddRange(scanner.Scan([item]));
        }

        Assert.Equal(6, findings.Count);
        Assert.Contains(findings, f => f is { Kind: "card number", Where: "table payments, row mch_a/pay_1, property Description" });
        Assert.Contains(findings, f => f is { Kind: "card number", Where: "table payments, row mch_a/pay_2, property Amount" });
        Assert.Contains(findings, f => f is { Kind: "private key (PEM)", Where: "blob evidence/a/b.json" });
        Assert.Contains(findings, f => f is { Kind: "secret key-encryption-key", Where: "blob evidence/a/c.json, metadata sig" });
        Assert.Contains(findings, f => f.Kind == "API key" && f.Where.StartsWith("queue work, message ", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Kind == "webhook secret" && f.Where.StartsWith("queue work-poison, message ", StringComparison.Ordinal));
    }

    public Task DisposeAsync()
    {
        azurite?.Dispose();
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // Azurite may still hold its folder for a moment; the temp folder is cleaned by the OS.
        }

        return Task.CompletedTask;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
