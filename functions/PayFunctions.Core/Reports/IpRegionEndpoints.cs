using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Reports;

/// <summary>
/// Operators replace the IP-to-region database by uploading the whole CSV (<see cref="IpRegionTable"/>). It is read in
/// full first: a damaged or oversized upload is refused as a problem and the database in use stays as it was.
/// </summary>
public sealed partial class IpRegionEndpoints(IpRegions regions, AuditLog audit, ILogger<IpRegionEndpoints> logger)
{
    public async Task<IResult> ReplaceAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiCaller.OperatorOf(request) is not { } caller)
        {
            return ApiError.Unauthenticated().ToResult();
        }

        // The hosts' default body limit is below a whole country database.
        SpooledUpload.AllowBody(request, IpRegions.MaxUploadBytes);
        IpRegionUpload? upload;
        try
        {
            upload = await regions.ReplaceAsync(request.Body, cancellationToken);
        }
        catch (FormatException e)
        {
            return new ApiError(StatusCodes.Status400BadRequest, "ip_regions_invalid", "The IP-to-region database could not be read; the one in use is kept.", e.Message).ToResult();
        }

        if (upload is null)
        {
            return new ApiError(
                StatusCodes.Status413PayloadTooLarge, "ip_regions_too_large", "The IP-to-region database is too large; the one in use is kept.",
                $"An upload holds at most {IpRegions.MaxUploadBytes} bytes.").ToResult();
        }

        LogReplaced(logger, upload.V4Ranges, upload.V6Ranges, upload.Sha256);
        await audit.AppendAsync(new AuditEvent(
            AuditEventTypes.IpRegionsReplaced,
            caller.Actor,
            null,
            new Dictionary<string, object?> { ["ipv4_ranges"] = upload.V4Ranges, ["ipv6_ranges"] = upload.V6Ranges, ["bytes"] = upload.Bytes, ["sha256"] = upload.Sha256 },
            AuditRequests.IdOf(request)));
        return Results.Json(new IpRegionsResource("ip_regions", upload.V4Ranges, upload.V6Ranges, upload.Bytes, upload.Sha256), ApiJson.Options);
    }

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "IP-to-region database replaced: {V4} IPv4 and {V6} IPv6 ranges, SHA-256 {Sha256}")]
    private static partial void LogReplaced(ILogger logger, int v4, int v6, string sha256);

    internal sealed record IpRegionsResource(string Object, int Ipv4Ranges, int Ipv6Ranges, long Bytes, string Sha256);
}
