using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PayFunctions.Core.Http;

/// <summary>
/// An operator's file upload read whole into a temporary file, so it can be parsed in full, hashed and stored without
/// holding it in memory, and replace what is in use only once all of it was read. The file is deleted when disposed.
/// </summary>
public sealed class SpooledUpload : IAsyncDisposable
{
    private const int BufferSize = 81920;

    private readonly string path;

    private SpooledUpload(string path, FileStream file)
    {
        this.path = path;
        File = file;
    }

    /// <summary>The upload, positioned at its start.</summary>
    public FileStream File { get; }

    public long Length => File.Length;

    /// <summary>Raises the host's body limit (about 28 MB on Kestrel) to <paramref name="maxBytes"/> for this request.</summary>
    public static void AllowBody(HttpRequest request, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
    }

    /// <summary>Copies <paramref name="upload"/> to a temporary file; null when it holds more than <paramref name="maxBytes"/> (or the host refused it as too large).</summary>
    public static async Task<SpooledUpload?> ReadAsync(Stream upload, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var path = Path.GetTempFileName();
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var spooled = new SpooledUpload(path, file);
        try
        {
            if (!await CopyBoundedAsync(upload, file, maxBytes, cancellationToken))
            {
                await spooled.DisposeAsync();
                return null;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await spooled.DisposeAsync();
            return null;
        }
        catch
        {
            await spooled.DisposeAsync();
            throw;
        }

        file.Position = 0;
        return spooled;
    }

    /// <summary>The SHA-256 of the whole upload in lower-case hex; the file is left at its start.</summary>
    public async Task<string> Sha256Async(CancellationToken cancellationToken)
    {
        File.Position = 0;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(File, cancellationToken));
        File.Position = 0;
        return hash;
    }

    public async ValueTask DisposeAsync()
    {
        await File.DisposeAsync();
        System.IO.File.Delete(path);
    }

    private static async Task<bool> CopyBoundedAsync(Stream from, Stream to, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return false;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }
}
