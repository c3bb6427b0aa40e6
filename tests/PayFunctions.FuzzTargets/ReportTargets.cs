using System.Net;
using PayFunctions.Core.Reports;
using PayFunctions.Domain.Reports;

namespace PayFunctions.FuzzTargets;

/// <summary>
/// The IP-to-region database an operator uploads: read whole or refused with the documented
/// <see cref="FormatException"/>. A database read answers every lookup with a region code or "unknown", at its
/// ranges' edges and between them.
/// </summary>
public static class ReportTargets
{
    private static readonly IPAddress[] Probes =
    [
        IPAddress.Any, IPAddress.Broadcast, IPAddress.Parse("1.0.0.0"), IPAddress.Parse("192.0.2.1"), IPAddress.Parse("::ffff:192.0.2.1"),
        IPAddress.IPv6Any, IPAddress.Parse("2001:db8::1"), IPAddress.Parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
    ];

    public static FuzzTarget IpRegions { get; } = new("ip_regions", () => new FuzzCall(file =>
    {
        IpRegionTable table;
        try
        {
            table = IpRegionTable.Read(new MemoryStream(file));
        }
        catch (FormatException)
        {
            return false;
        }

        Assert.True(table.V4Count + table.V6Count > 0);
        Assert.All(Probes, probe =>
        {
            var region = table.RegionOf(probe);
            Assert.True(region == RegionCodes.Unknown || RegionCodes.TryNormalize(region, out var same) && same == region, region);
        });
        return true;
    }));
}
