using System.IO.Compression;
using System.Text;

namespace PayFunctions.Channels.Alipay;

/// <summary>
/// The fetch of a bill_download_url: a plain GET (the address carries its own token, valid for a short while) whose answer is a
/// zip of GBK CSV files, <c>{pid}_{yyyyMMdd}_业务明细.csv</c> and its <c>_业务明细(汇总).csv</c> summary. The zip is written to a
/// temporary file (it is read from its central directory, at the end), and the detail entry is extracted to another one, so a
/// day of any size costs a buffer of memory, not the day. The returned file deletes itself when the caller disposes it.
/// </summary>
internal static class AlipayBillDownload
{
    public const string NotZip = "STATEMENT_NOT_ZIP";
    public const string NoDetail = "STATEMENT_NO_DETAIL";
    public const string TooLarge = "STATEMENT_TOO_LARGE";

    /// <summary>The detail file's name ends so; the summary's ends <c>_业务明细(汇总).csv</c>.</summary>
    public const string DetailSuffix = "_业务明细.csv";

    /// <summary>
    /// Far beyond a real day (a million lines is about 300 MB), for the zip and the extracted file alike: a decompression bomb
    /// stops here instead of filling the disk.
    /// </summary>
    private const long MaxBillBytes = 8L * 1024 * 1024 * 1024;

    private const int BufferSize = 81_920;

    /// <exception cref="ChannelException">The download failed, is not a zip, or holds no single 业务明细 file.</exception>
    public static async Task<Stream> FetchAsync(HttpClient httpClient, Uri downloadUrl, CancellationToken cancellationToken)
    {
        await using var zip = TemporaryFile("alipay-bill-zip-");
        int status;
        try
        {
            using var response = await httpClient.GetAsync(downloadUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw new ChannelException($"Alipay answered the bill download with HTTP {status}.", null, status, isTransient: status >= 500 || status == 429);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await CopyAsync(body, zip, status, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new ChannelException("The bill download was cut off.", null, null, isTransient: true, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelException("Alipay did not serve the bill in time.", null, null, isTransient: true, ex);
        }

        zip.Position = 0;
        return await ExtractDetailAsync(zip, status, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Stream> ExtractDetailAsync(FileStream zip, int status, CancellationToken cancellationToken)
    {
        var detail = TemporaryFile("alipay-bill-");
        try
        {
            // Alipay names the entries in GBK without the zip's UTF-8 flag; an entry flagged UTF-8 is read as such.
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true, AlipayTradeBill.Gbk);
            var entries = archive.Entries.Where(entry => entry.FullName.EndsWith(DetailSuffix, StringComparison.Ordinal)).ToList();
            if (entries.Count != 1)
            {
                throw new ChannelException($"The bill's zip holds {entries.Count} files named *{DetailSuffix}, not one.", NoDetail, status, isTransient: false);
            }

            await using (var entry = await entries[0].OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                await CopyAsync(entry, detail, status, cancellationToken).ConfigureAwait(false);
            }

            await detail.FlushAsync(cancellationToken).ConfigureAwait(false);
            detail.Position = 0;
            return detail;
        }
        catch (Exception ex) when (ex is InvalidDataException or DecoderFallbackException)
        {
            await detail.DisposeAsync().ConfigureAwait(false);
            throw new ChannelException("The bill download is not a readable zip.", NotZip, status, isTransient: false, ex);
        }
        catch
        {
            await detail.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task CopyAsync(Stream source, FileStream file, int status, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        long written = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            written += read;
            if (written > MaxBillBytes)
            {
                throw new ChannelException("The trade bill is larger than any real day's.", TooLarge, status, isTransient: false);
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }

    private static FileStream TemporaryFile(string prefix) => new(
        Path.Combine(Path.GetTempPath(), prefix + Path.GetRandomFileName()),
        FileMode.CreateNew,
        FileAccess.ReadWrite,
        FileShare.None,
        BufferSize,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous | FileOptions.SequentialScan);
}
