using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Http;
using PayFunctions.Core.Storage;
using PayFunctions.Domain.Aml;

namespace PayFunctions.Core.Aml;

/// <summary>
/// The report files of a day, JSON in the container <c>aml-reports</c>: <c>{yyyyMMdd}/large_value.json</c> and
/// <c>{yyyyMMdd}/suspicious.json</c> for live money, the same under <c>{yyyyMMdd}/test/</c> for test mode. They hold no time
/// of writing, so writing a day again from the same facts writes the same bytes. The suspicious file is every case of the
/// day as it stands, rewritten whenever one opens, is escalated (reported to the regulator) or is closed.
/// </summary>
public sealed class AmlReportFiles(StorageClients clients, AmlCaseStore cases, IOptions<AmlOptions> options)
{
    public const string LargeValueFile = "large_value.json";
    public const string SuspiciousFile = "suspicious.json";

    public static string NameOf(DateOnly day, bool livemode, string file) => AmlIds.Format(day) + (livemode ? "/" : "/test/") + file;

    public Task WriteLargeValueAsync(DateOnly day, bool livemode, int payments, AmlFindings findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var rules = options.Value.Rules;
        return UploadAsync(
            NameOf(day, livemode, LargeValueFile),
            new LargeValueReport(
                day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                livemode,
                options.Value.TimeZone,
                "PBoC Order [2016] No. 3, Article 5",
                new Dictionary<string, AmlStandard>
                {
                    ["natural_domestic"] = rules.NaturalDomestic, ["natural_cross_border"] = rules.NaturalCrossBorder, ["non_natural"] = rules.NonNatural,
                },
                payments,
                [.. findings.LargeValues.Select(AmlResources.Detection)],
                findings.Unmeasured),
            cancellationToken);
    }

    /// <summary>Rewrites the day's suspicious file from its cases; returns the cases by status.</summary>
    public async Task<IReadOnlyDictionary<string, int>> WriteSuspiciousAsync(DateOnly day, bool livemode, CancellationToken cancellationToken)
    {
        var ofDay = await cases.OfDayAsync(day, livemode, cancellationToken);
        await UploadAsync(
            NameOf(day, livemode, SuspiciousFile),
            new SuspiciousReport(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), livemode, [.. ofDay.Select(AmlResources.Case)]),
            cancellationToken);
        return ofDay.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private async Task UploadAsync<T>(string name, T report, CancellationToken cancellationToken) =>
        await clients.Blobs.GetBlobContainerClient(TableNames.AmlReportContainer).GetBlobClient(name).UploadAsync(
            BinaryData.FromObjectAsJson(report, ApiJson.Options),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);

    private sealed record LargeValueReport(
        string Day, bool Livemode, string TimeZone, string Rules, IReadOnlyDictionary<string, AmlStandard> Standards, int Payments,
        IReadOnlyList<AmlResources.DetectionResource> Detections, IReadOnlyList<string> Unmeasured);

    private sealed record SuspiciousReport(string Day, bool Livemode, IReadOnlyList<AmlResources.CaseResource> Cases);
}
