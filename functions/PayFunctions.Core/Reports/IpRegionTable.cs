using System.Net;
using System.Net.Sockets;
using System.Text;
using PayFunctions.Domain.Reports;

namespace PayFunctions.Core.Reports;

/// <summary>
/// An offline IP-to-region database, read from a CSV of ranges in the layout of DB-IP's "IP to Country Lite":
/// <c>start_ip,end_ip,region</c>, one range a line, IPv4 and IPv6, each family in ascending order without overlaps.
/// The region is an ISO 3166-1 alpha-2 country code (what DB-IP's file holds) or an ISO 3166-2 code of a Chinese
/// province; <c>ZZ</c> (DB-IP's unknown) leaves the range unlocated. Lines starting with <c>#</c> are comments.
/// Held as sorted arrays and searched by bisection: about 10 bytes an IPv4 range and 34 an IPv6 range.
/// </summary>
public sealed class IpRegionTable
{
    /// <summary>More than DB-IP's whole country file holds (about 600,000 ranges), and at most ~70 MB in memory.</summary>
    public const int MaxRanges = 2_000_000;

    /// <summary>Two IPv6 addresses in full, a province code, quotes and commas, with room to spare.</summary>
    public const int MaxLineLength = 256;

    private readonly uint[] v4Starts;
    private readonly uint[] v4Ends;
    private readonly ushort[] v4Regions;
    private readonly UInt128[] v6Starts;
    private readonly UInt128[] v6Ends;
    private readonly ushort[] v6Regions;
    private readonly string[] regions;

    private IpRegionTable(Builder built)
    {
        (v4Starts, v4Ends, v4Regions) = ([.. built.V4Starts], [.. built.V4Ends], [.. built.V4Regions]);
        (v6Starts, v6Ends, v6Regions) = ([.. built.V6Starts], [.. built.V6Ends], [.. built.V6Regions]);
        regions = [.. built.Regions];
    }

    /// <summary>The IPv4 ranges located.</summary>
    public int V4Count => v4Starts.Length;

    /// <summary>The IPv6 ranges located.</summary>
    public int V6Count => v6Starts.Length;

    /// <summary>The region of <paramref name="address"/>, or <see cref="RegionCodes.Unknown"/>; an IPv4-mapped IPv6 address is looked up as IPv4.</summary>
    public string RegionOf(IPAddress? address)
    {
        if (address is null)
        {
            return RegionCodes.Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => Find(v4Starts, v4Ends, v4Regions, V4(address)),
            AddressFamily.InterNetworkV6 => Find(v6Starts, v6Ends, v6Regions, V6(address)),
            _ => RegionCodes.Unknown,
        };
    }

    /// <summary>Reads a whole database; nothing of it is usable unless all of it is valid.</summary>
    /// <exception cref="FormatException">The file is not such a database; the message names the line.</exception>
    public static IpRegionTable Read(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StreamReader(csv, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var built = new Builder();
        var line = new StringBuilder(MaxLineLength);
        var number = 0;
        try
        {
            while (ReadLine(reader, line, number + 1))
            {
                number++;
                // A file saved by a spreadsheet may start with a byte order mark.
                var text = (number == 1 ? line.ToString().TrimStart('\uFEFF') : line.ToString()).TrimEnd('\r');
                if (text.Length == 0 || text[0] == '#')
                {
                    continue;
                }

                built.Add(text, number);
            }
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException($"Line {number + 1} is not UTF-8.");
        }

        if (built.V4Starts.Count + built.V6Starts.Count == 0)
        {
            throw new FormatException("The file holds no located range.");
        }

        return new IpRegionTable(built);
    }

    private static bool ReadLine(StreamReader reader, StringBuilder line, int number)
    {
        line.Clear();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                return true;
            }

            if (line.Length == MaxLineLength)
            {
                throw new FormatException($"Line {number} is longer than {MaxLineLength} characters.");
            }

            line.Append((char)c);
        }

        return line.Length > 0;
    }

    private string Find<T>(T[] starts, T[] ends, ushort[] regionOf, T address)
        where T : IComparable<T>
    {
        var i = Array.BinarySearch(starts, address);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return i >= 0 && address.CompareTo(ends[i]) <= 0 ? regions[regionOf[i]] : RegionCodes.Unknown;
    }

    private static uint V4(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    private static UInt128 V6(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>The ranges as read, checked line by line.</summary>
    private sealed class Builder
    {
        private readonly Dictionary<string, ushort> regionIndex = new(StringComparer.Ordinal);

        public List<uint> V4Starts { get; } = [];

        public List<uint> V4Ends { get; } = [];

        public List<ushort> V4Regions { get; } = [];

        public List<UInt128> V6Starts { get; } = [];

        public List<UInt128> V6Ends { get; } = [];

        public List<ushort> V6Regions { get; } = [];

        public List<string> Regions { get; } = [];

        private uint? lastV4;

        private UInt128? lastV6;

        private int ranges;

        public void Add(string line, int number)
        {
            var fields = line.Split(',');
            if (fields.Length != 3)
            {
                throw new FormatException($"Line {number} has {fields.Length} fields, not start_ip,end_ip,region.");
            }

            var (start, end) = (Address(fields[0], number), Address(fields[1], number));
            if (start.AddressFamily != end.AddressFamily)
            {
                throw new FormatException($"Line {number} mixes IPv4 and IPv6.");
            }

            var code = Unquote(fields[2]);
            var located = !string.Equals(code, "ZZ", StringComparison.OrdinalIgnoreCase);
            if (!RegionCodes.TryNormalize(code, out var region) && located)
            {
                throw new FormatException($"Line {number} names no ISO 3166 country or Chinese province code.");
            }

            if (++ranges > MaxRanges)
            {
                throw new FormatException($"The file holds more than {MaxRanges} ranges.");
            }

            if (start.AddressFamily == AddressFamily.InterNetwork)
            {
                var (from, to) = (V4(start), V4(end));
                lastV4 = Order(from, to, lastV4, number);
                Keep(V4Starts, V4Ends, V4Regions, from, to, located ? region : null);
            }
            else
            {
                var (from, to) = (V6(start), V6(end));
                lastV6 = Order(from, to, lastV6, number);
                Keep(V6Starts, V6Ends, V6Regions, from, to, located ? region : null);
            }
        }

        private void Keep<T>(List<T> starts, List<T> ends, List<ushort> regionOf, T from, T to, string? region)
        {
            if (region is null)
            {
                return;
            }

            if (!regionIndex.TryGetValue(region, out var index))
            {
                index = (ushort)Regions.Count;
                regionIndex.Add(region, index);
                Regions.Add(region);
            }

            starts.Add(from);
            ends.Add(to);
            regionOf.Add(index);
        }

        private static T Order<T>(T from, T to, T? last, int number)
            where T : struct, IComparable<T>
        {
            if (from.CompareTo(to) > 0)
            {
                throw new FormatException($"Line {number} starts after it ends.");
            }

            if (last is { } previous && from.CompareTo(previous) <= 0)
            {
                throw new FormatException($"Line {number} overlaps or precedes the range before it: ranges must ascend without overlapping.");
            }

            return to;
        }

        private static IPAddress Address(string field, int number)
        {
            var text = Unquote(field);

            // IPAddress.Parse also takes "1.2.3" and "10" (as 1.2.0.3 and 0.0.0.10) and scope ids: none is a range's end.
            var dotted = text.Count(c => c == '.') == 3 && text.All(c => char.IsAsciiDigit(c) || c == '.');
            var colon = text.Contains(':', StringComparison.Ordinal) && text.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.');
            return (dotted || colon) && IPAddress.TryParse(text, out var address)
                ? address
                : throw new FormatException($"Line {number} holds an address that is not a dotted IPv4 or an IPv6 address.");
        }

        private static string Unquote(string field) =>
            field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1] : field;
    }
}
