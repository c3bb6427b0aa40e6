using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.BankTransfer;

/// <summary>
/// The bank: it has no API, only files. Credits are reported as camt.054 (one file per transfer received) and the day's
/// camt.053, written to the platform's inbox container; the platform's pain.001 refunds are collected from its outbox
/// container and answered with camt.054 debit entries.
/// </summary>
public static class BankTransferSimulator
{
    public const string InboxContainer = "channel-inbox";
    public const string OutboxContainer = "channel-outbox";

    /// <summary>The folder of the platform's account in both containers.</summary>
    public const string Folder = "bank_transfer/" + BankLedger.AccountName + "/";

    public static IServiceCollection AddBankTransferSimulator(this IServiceCollection services)
    {
        services.AddSingleton<BankLedger>();
        services.AddSingleton(sp => new BlobServiceClient(sp.GetRequiredService<IOptions<SandboxOptions>>().Value.StorageConnectionString));
        services.AddSingleton<BankFileDrop>();
        return services;
    }

    public static void MapBankTransferSimulator(this IEndpointRouteBuilder app) => app.MapBankTransferSandboxControl();
}

/// <summary>Writes report files to the platform's inbox and collects instruction files from its outbox.</summary>
public sealed class BankFileDrop(BlobServiceClient blobs)
{
    public async Task<string> DropAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(BankTransferSimulator.InboxContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await container.GetBlobClient(BankTransferSimulator.Folder + fileName).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);
        return fileName;
    }

    /// <summary>Every file waiting in the outbox, taken out of it as the bank's file transfer collects them.</summary>
    public async Task<IReadOnlyList<(string Name, byte[] Content)>> CollectAsync(CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(BankTransferSimulator.OutboxContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var files = new List<(string, byte[])>();
        await foreach (var item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, BankTransferSimulator.Folder, cancellationToken))
        {
            var blob = container.GetBlobClient(item.Name);
            files.Add((item.Name, (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray()));
            await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }

        return files;
    }
}
