using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Http;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Reports;

namespace PayFunctions.Core.Reports;

/// <summary>
/// The IP-to-region database in use. An operator's upload is read in full before it is stored in Blob storage and
/// used; until one is, the small database shipped in this assembly is. Each instance checks the blob's ETag at most
/// every <see cref="RefreshInterval"/> on a lookup, so an upload reaches every instance within that time, and a
/// storage outage leaves the table in use as it is rather than failing the payment that asked.
/// </summary>
public sealed partial class IpRegions(StorageClients clients, TimeProvider time, ILogger<IpRegions> logger) : IDisposable
{
    public const string Container = "ip-regions";
    public const string BlobName = "current.csv";

    /// <summary>The most an upload may hold: DB-IP's country file, uncompressed, is under a third of it.</summary>
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    private static readonly Lazy<IpRegionTable> Shipped = new(() =>
    {
        using var csv = typeof(IpRegions).Assembly.GetManifestResourceStream("PayFunctions.Core.Reports.ip-regions.csv")
            ?? throw new InvalidOperationException("The shipped IP-to-region database is missing from the assembly.");
        return IpRegionTable.Read(csv);
    });

    private readonly SemaphoreSlim gate = new(1, 1);
    private Loaded? loaded;

    /// <summary>The payer's region from <paramref name="address"/>; <see cref="RegionCodes.Unknown"/> for none or one not located.</summary>
    public async Task<string> RegionOfAsync(IPAddress? address, CancellationToken cancellationToken)
    {
        if (address is null || IPAddress.IsLoopback(address))
        {
            return RegionCodes.Unknown;
        }

        return (await TableAsync(cancellationToken)).RegionOf(address);
    }

    /// <summary>The region of a payer's address as text (as the create API takes it), or null when it is not located.</summary>
    public async Task<string?> LocateAsync(string? address, CancellationToken cancellationToken) =>
        IPAddress.TryParse(address, out var parsed) ? await LocateAsync(parsed, cancellationToken) : null;

    /// <summary>The region of a payer's address, or null when there is none or it is not located.</summary>
    public async Task<string?> LocateAsync(IPAddress? address, CancellationToken cancellationToken) =>
        await RegionOfAsync(address, cancellationToken) is var region && region != RegionCodes.Unknown ? region : null;

    /// <summary>
    /// Reads <paramref name="upload"/> in full (bounded by <see cref="MaxUploadBytes"/>) and, only when all of it is a
    /// valid database, stores it and uses it from now on. Null when the upload is too large.
    /// </summary>
    /// <exception cref="FormatException">The upload is not a valid database; nothing changed.</exception>
    public async Task<IpRegionUpload?> ReplaceAsync(Stream upload, CancellationToken cancellationToken)
    {
        await using var spooled = await SpooledUpload.ReadAsync(upload, MaxUploadBytes, cancellationToken);
        if (spooled is null)
        {
            return null;
        }

        var table = IpRegionTable.Read(spooled.File);
        var sha256 = await spooled.Sha256Async(cancellationToken);
        var stored = await Blob().UploadAsync(spooled.File, overwrite: true, cancellationToken);
        Volatile.Write(ref loaded, new Loaded(table, stored.Value.ETag, time.GetUtcNow()));
        return new IpRegionUpload(table.V4Count, table.V6Count, spooled.Length, sha256);
    }

    private async Task<IpRegionTable> TableAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref loaded);
        if (current is not null && time.GetUtcNow() - current.CheckedAt < RefreshInterval)
        {
            return current.Table;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            current = Volatile.Read(ref loaded);
            if (current is not null && time.GetUtcNow() - current.CheckedAt < RefreshInterval)
            {
                return current.Table;
            }

            var refreshed = await LoadAsync(current, cancellationToken);
            Volatile.Write(ref loaded, refreshed);
            return refreshed.Table;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Loaded> LoadAsync(Loaded? current, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            var blob = Blob();
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (current is not null && current.ETag == properties.Value.ETag)
            {
                return current with { CheckedAt = now };
            }

            var download = await blob.DownloadStreamingAsync(new Azure.Storage.Blobs.Models.BlobDownloadOptions
            {
                Conditions = new Azure.Storage.Blobs.Models.BlobRequestConditions { IfMatch = properties.Value.ETag },
            }, cancellationToken);
            await using var content = download.Value.Content;
            return new Loaded(IpRegionTable.Read(content), download.Value.Details.ETag, now);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new Loaded(Shipped.Value, default, now);
        }
        catch (Exception e) when (e is RequestFailedException or FormatException or IOException)
        {
            LogRefreshFailed(logger, e);
            return (current ?? new Loaded(Shipped.Value, default, now)) with { CheckedAt = now };
        }
    }

    public void Dispose() => gate.Dispose();

    private BlobClient Blob() => clients.Blobs.GetBlobContainerClient(Container).GetBlobClient(BlobName);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "The IP-to-region database could not be refreshed; the one in use is kept")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    private sealed record Loaded(IpRegionTable Table, ETag ETag, DateTimeOffset CheckedAt);
}

/// <summary>What an accepted upload holds: ranges located per family, its size and its SHA-256.</summary>
public sealed record IpRegionUpload(int V4Ranges, int V6Ranges, long Bytes, string Sha256);
