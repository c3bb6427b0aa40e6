using System.IO.Compression;
using System.Security.Cryptography;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>
/// "下载账单": a signed GET of the download_url whose answer is the gzipped bill, unsigned. WeChat Pay's digest (hash_value) is
/// of the original bill, after gunzip ("原始账单(gzip需要解压缩)的摘要值"), so the bill is decompressed into a temporary file
/// while it is hashed, and handed out only once the digest matches: the reader never sees a byte of an altered bill, and a
/// day of any size costs a buffer of memory, not the day. The file deletes itself when the caller disposes it.
/// </summary>
internal static class WeChatPayBillDownload
{
    public const string HashMismatch = "STATEMENT_HASH_MISMATCH";
    public const string NotGzip = "STATEMENT_NOT_GZIP";
    public const string TooLarge = "STATEMENT_TOO_LARGE";

    /// <summary>
    /// Far beyond a real day (a million lines is about 300 MB): a decompression bomb stops here instead of filling the disk.
    /// </summary>
    private const long MaxBillBytes = 8L * 1024 * 1024 * 1024;

    private const int BufferSize = 81_920;

    /// <exception cref="ChannelException">The download failed, is not gzip, or its digest is not <paramref name="sha1"/>.</exception>
    public static async Task<Stream> FetchAsync(WeChatPayTransport transport, Uri downloadUrl, byte[] sha1, CancellationToken cancellationToken)
    {
        using var response = await transport.OpenAsync(downloadUrl, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw WeChatPayTransport.ToChannelException(new WeChatPayResponse(status, body));
        }

        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "wechat-pay-bill-" + Path.GetRandomFileName()),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            BufferSize,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            await DecompressAsync(response, file, sha1, status, cancellationToken).ConfigureAwait(false);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task DecompressAsync(HttpResponseMessage response, FileStream file, byte[] sha1, int status, CancellationToken cancellationToken)
    {
        // SHA1 is WeChat Pay's choice for this integrity check (hash_type "SHA1"), not a signature: the digest itself arrives signed.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        var buffer = new byte[BufferSize];
        long written = 0;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using var gunzip = new GZipStream(body, CompressionMode.Decompress);
            int read;
            while ((read = await gunzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                written += read;
                if (written > MaxBillBytes)
                {
                    throw new ChannelException("The trade bill is larger than any real day's.", TooLarge, status, isTransient: false);
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ChannelException("The trade bill download is not gzip.", NotGzip, status, isTransient: false, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new ChannelException("The trade bill download was cut off.", null, status, isTransient: true, ex);
        }

        if (!CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), sha1))
        {
            throw new ChannelException("The trade bill's SHA1 does not match the hash_value WeChat Pay answered.", HashMismatch, status, isTransient: false);
        }

        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
