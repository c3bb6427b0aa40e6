using System.Collections.Frozen;

namespace PayFunctions.Domain.Risk;

/// <summary>
/// Where a region code (see <see cref="Reports.RegionCodes"/>) lies, as the latitude and longitude of its capital, so
/// that two payments' regions and times give the speed a payer would have travelled between them. A capital stands for
/// the whole region: distances within a country, or a province, are not measured, and a country not listed here is not
/// placed at all (an unknown distance never makes travel look impossible).
/// </summary>
public static class RegionCentroids
{
    private const double EarthRadiusKm = 6371.0;

    private static readonly FrozenDictionary<string, (double Lat, double Lon)> Places = new Dictionary<string, (double, double)>(StringComparer.Ordinal)
    {
        ["CN-AH"] = (31.82, 117.23), ["CN-BJ"] = (39.90, 116.41), ["CN-CQ"] = (29.56, 106.55), ["CN-FJ"] = (26.07, 119.30),
        ["CN-GD"] = (23.13, 113.26), ["CN-GS"] = (36.06, 103.83), ["CN-GX"] = (22.82, 108.37), ["CN-GZ"] = (26.65, 106.63),
        ["CN-HA"] = (34.75, 113.63), ["CN-HB"] = (30.59, 114.31), ["CN-HE"] = (38.04, 114.51), ["CN-HI"] = (20.04, 110.34),
        ["CN-HK"] = (22.32, 114.17), ["CN-HL"] = (45.80, 126.53), ["CN-HN"] = (28.23, 112.94), ["CN-JL"] = (43.82, 125.32),
        ["CN-JS"] = (32.06, 118.80), ["CN-JX"] = (28.68, 115.86), ["CN-LN"] = (41.81, 123.43), ["CN-MO"] = (22.20, 113.54),
        ["CN-NM"] = (40.84, 111.75), ["CN-NX"] = (38.49, 106.23), ["CN-QH"] = (36.62, 101.78), ["CN-SC"] = (30.57, 104.07),
        ["CN-SD"] = (36.65, 117.12), ["CN-SH"] = (31.23, 121.47), ["CN-SN"] = (34.34, 108.94), ["CN-SX"] = (37.87, 112.55),
        ["CN-TJ"] = (39.34, 117.36), ["CN-TW"] = (25.03, 121.57), ["CN-XJ"] = (43.83, 87.62), ["CN-XZ"] = (29.65, 91.17),
        ["CN-YN"] = (25.04, 102.71), ["CN-ZJ"] = (30.27, 120.16),
        ["CN"] = (39.90, 116.41), ["HK"] = (22.32, 114.17), ["MO"] = (22.20, 113.54), ["TW"] = (25.03, 121.57),
        ["JP"] = (35.68, 139.69), ["KR"] = (37.57, 126.98), ["MN"] = (47.89, 106.91), ["SG"] = (1.35, 103.82),
        ["MY"] = (3.14, 101.69), ["TH"] = (13.76, 100.50), ["VN"] = (21.03, 105.85), ["PH"] = (14.60, 120.98),
        ["ID"] = (-6.21, 106.85), ["KH"] = (11.56, 104.93), ["LA"] = (17.97, 102.63), ["MM"] = (19.76, 96.08),
        ["IN"] = (28.61, 77.21), ["PK"] = (33.69, 73.05), ["BD"] = (23.81, 90.41), ["NP"] = (27.72, 85.32),
        ["KZ"] = (51.17, 71.45), ["AE"] = (24.45, 54.38), ["SA"] = (24.71, 46.68), ["IL"] = (31.77, 35.21),
        ["TR"] = (39.93, 32.86), ["EG"] = (30.04, 31.24), ["KE"] = (-1.29, 36.82), ["NG"] = (9.08, 7.40),
        ["ZA"] = (-25.75, 28.19), ["RU"] = (55.76, 37.62), ["UA"] = (50.45, 30.52), ["PL"] = (52.23, 21.01),
        ["DE"] = (52.52, 13.40), ["FR"] = (48.86, 2.35), ["GB"] = (51.51, -0.13), ["IE"] = (53.35, -6.26),
        ["NL"] = (52.37, 4.90), ["BE"] = (50.85, 4.35), ["CH"] = (46.95, 7.45), ["AT"] = (48.21, 16.37),
        ["IT"] = (41.90, 12.50), ["ES"] = (40.42, -3.70), ["PT"] = (38.72, -9.14), ["SE"] = (59.33, 18.07),
        ["NO"] = (59.91, 10.75), ["DK"] = (55.68, 12.57), ["FI"] = (60.17, 24.94), ["US"] = (38.90, -77.04),
        ["CA"] = (45.42, -75.70), ["MX"] = (19.43, -99.13), ["BR"] = (-15.79, -47.88), ["AR"] = (-34.60, -58.38),
        ["CL"] = (-33.45, -70.67), ["AU"] = (-35.28, 149.13), ["NZ"] = (-41.29, 174.78),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The regions this table places.</summary>
    public static IEnumerable<string> Known => Places.Keys;

    /// <summary>The great-circle distance in kilometres between two regions' capitals, or null when either is not placed.</summary>
    public static double? DistanceKm(string from, string to)
    {
        if (!Places.TryGetValue(from, out var a) || !Places.TryGetValue(to, out var b))
        {
            return null;
        }

        var dLat = ToRadians(b.Lat - a.Lat);
        var dLon = ToRadians(b.Lon - a.Lon);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(ToRadians(a.Lat)) * Math.Cos(ToRadians(b.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
