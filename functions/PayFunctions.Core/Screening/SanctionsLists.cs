using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PayFunctions.Core.Http;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Screening;

/// <summary>
/// The sanctions lists an operator uploaded, one blob per list in container <see cref="Container"/>
/// (<c>{source}.xml</c>), each with what its upload found in its metadata. An upload is read whole and parsed to its
/// last entry before it replaces the stored list, so a damaged file changes nothing.
/// </summary>
public sealed class SanctionsLists(StorageClients clients, TimeProvider time)
{
    public const string Container = "sanctions-lists";

    /// <summary>The most an upload may hold: the readers' character limit, several times the published sdn.xml.</summary>
    public const long MaxUploadBytes = ListLimits.MaxCharacters;

    private const string EntriesKey = "entries";
    private const string NamesKey = "names";
    private const string Sha256Key = "sha256";
    private const string UploadedAtKey = "uploaded_at";

    /// <summary>
    /// Reads <paramref name="upload"/> in full (at most <see cref="MaxUploadBytes"/>) and, only when all of it is a valid
    /// list in <paramref name="source"/>'s format, stores it in place of the list there was. Null when it is too large.
    /// </summary>
    /// <exception cref="FormatException">The upload is not a valid list; nothing changed.</exception>
    public async Task<SanctionsListInfo?> ReplaceAsync(SanctionsListSource source, Stream upload, CancellationToken cancellationToken)
    {
        await using var spooled = await SpooledUpload.ReadAsync(upload, MaxUploadBytes, cancellationToken);
        if (spooled is null)
        {
            return null;
        }

        var (entries, names) = (0, 0);
        foreach (var entry in SanctionsListReader.Read(source, spooled.File))
        {
            entries++;
            names += 1 + entry.Aliases.Count;
        }

        var sha256 = await spooled.Sha256Async(cancellationToken);
        var info = new SanctionsListInfo(source, entries, names, sha256, time.GetUtcNow());
        await Blob(source).UploadAsync(spooled.File, new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string>
            {
                [EntriesKey] = entries.ToString(CultureInfo.InvariantCulture),
                [NamesKey] = names.ToString(CultureInfo.InvariantCulture),
                [Sha256Key] = sha256,
                [UploadedAtKey] = info.UploadedAt.ToString("O", CultureInfo.InvariantCulture),
            },
        }, cancellationToken);
        return info;
    }

    /// <summary>The lists stored, in <see cref="SanctionsListCodes.All"/>'s order.</summary>
    public async Task<IReadOnlyList<SanctionsListInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var loaded = new List<SanctionsListInfo>();
        foreach (var source in SanctionsListCodes.All)
        {
            try
            {
                var properties = await Blob(source).GetPropertiesAsync(cancellationToken: cancellationToken);
                loaded.Add(Info(source, properties.Value.Metadata));
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Never uploaded.
            }
        }

        return loaded;
    }

    public BlobClient Blob(SanctionsListSource source) =>
        clients.Blobs.GetBlobContainerClient(Container).GetBlobClient(SanctionsListCodes.BlobName(source));

    private static SanctionsListInfo Info(SanctionsListSource source, IDictionary<string, string> metadata) => new(
        source,
        int.Parse(metadata[EntriesKey], CultureInfo.InvariantCulture),
        int.Parse(metadata[NamesKey], CultureInfo.InvariantCulture),
        metadata[Sha256Key],
        DateTimeOffset.Parse(metadata[UploadedAtKey], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}

/// <summary>A stored list: how many parties and names its upload held, its SHA-256 and when it was uploaded.</summary>
public sealed record SanctionsListInfo(SanctionsListSource Source, int Entries, int Names, string Sha256, DateTimeOffset UploadedAt);
