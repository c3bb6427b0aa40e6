using System.Globalization;
using System.IO.Compression;

namespace PayFunctions.Channels.UnionPay;

/// <summary>
/// The file transfer's <c>fileContent</c>: Base64 of the zlib-compressed (DEFLATE with its zlib header, as the SDK's
/// <c>Inflater</c> reads it) ZIP of the day's files. It is inflated into a temporary file, so the day's files cost disk, not
/// memory, and handed out only once the ZIP holds the ZM entry of the day and merchant asked for
/// (<c>INN{yyMMdd}88ZM_{merId}</c>): a file of another day or merchant is never read as this one's.
/// </summary>
internal static class UnionPayFileContent
{
    public const string NotDecodable = "STATEMENT_NOT_DECODABLE";
    public const string WrongFile = "STATEMENT_WRONG_FILE";
    public const string TooLarge = "STATEMENT_TOO_LARGE";

    /// <summary>Far beyond a real day's ZIP: a decompression bomb stops here instead of filling the disk.</summary>
    private const long MaxZipBytes = 8L * 1024 * 1024 * 1024;

    private const int BufferSize = 81_920;

    /// <exception cref="ChannelException">The content is not Base64 of a zlib stream, or not a ZIP with the day's ZM entry.</exception>
    public static async Task<Stream> DecodeAsync(string content, DateOnly day, string merId, int status, CancellationToken cancellationToken)
    {
        byte[] compressed;
        try
        {
            compressed = Convert.FromBase64String(content);
        }
        catch (FormatException ex)
        {
            throw new ChannelException("The file transfer's fileContent is not Base64.", NotDecodable, status, isTransient: false, ex);
        }

        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "unionpay-file-" + Path.GetRandomFileName()),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            BufferSize,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await InflateAsync(compressed, file, status, cancellationToken).ConfigureAwait(false);
            CheckDetailEntry(file, day, merId, status);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task InflateAsync(byte[] compressed, FileStream file, int status, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        long written = 0;
        try
        {
            await using var inflate = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            int read;
            while ((read = await inflate.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                written += read;
                if (written > MaxZipBytes)
                {
                    throw new ChannelException("The reconciliation file is larger than any real day's.", TooLarge, status, isTransient: false);
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ChannelException("The file transfer's fileContent is not zlib-compressed.", NotDecodable, status, isTransient: false, ex);
        }

        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void CheckDetailEntry(FileStream file, DateOnly day, string merId, int status)
    {
        var prefix = "INN" + day.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var suffix = "ZM_" + merId;
        file.Position = 0;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (!zip.Entries.Any(entry => entry.Name.Length == prefix.Length + 2 + suffix.Length
                && entry.Name.StartsWith(prefix, StringComparison.Ordinal) && entry.Name.EndsWith(suffix, StringComparison.Ordinal)))
            {
                throw new ChannelException($"The reconciliation file has no {prefix}..{suffix} entry: it is another day's or merchant's.", WrongFile, status, isTransient: false);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ChannelException("The file transfer's fileContent is not a ZIP.", NotDecodable, status, isTransient: false, ex);
        }
    }
}
