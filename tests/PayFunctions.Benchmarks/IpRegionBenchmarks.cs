using System.Globalization;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using PayFunctions.Core.Reports;

namespace PayFunctions.Benchmarks;

/// <summary>
/// The IP-to-region database at the size of DB-IP's country file: reading a whole upload (what an operator's upload
/// and each instance's refresh cost) and one lookup (what a payer's address costs on the create path), IPv4 and IPv6.
/// The ranges are generated: <see cref="V4Ranges"/> IPv4 ranges and half as many IPv6 ones, evenly spread.
/// </summary>
[MemoryDiagnoser]
public class IpRegionBenchmarks
{
    private static readonly string[] Regions = ["CN-GD", "CN-BJ", "CN-SH", "US", "JP", "DE", "CN-ZJ", "SG"];

    private byte[] csv = [];
    private IpRegionTable table = null!;
    private IPAddress[] v4 = [];
    private IPAddress[] v6 = [];
    private int next;

    [Params(400_000)]
    public int V4Ranges { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        var step = uint.MaxValue / (uint)V4Ranges;
        for (var i = 0; i < V4Ranges; i++)
        {
            var start = (uint)i * step;
            text.Append(V4(start)).Append(',').Append(V4(start + step - 2)).Append(',').Append(Regions[i % Regions.Length]).Append('\n');
        }

        for (var i = 0; i < V4Ranges / 2; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"2{i / 65536:x3}:{i % 65536:x}::,2{i / 65536:x3}:{i % 65536:x}:ffff:ffff:ffff:ffff:ffff:ffff,{Regions[i % Regions.Length]}\n");
        }

        csv = Encoding.ASCII.GetBytes(text.ToString());
        table = IpRegionTable.Read(new MemoryStream(csv));
        var random = new Random(7);
        v4 = [.. Enumerable.Range(0, 4096).Select(_ => new IPAddress(BitConverter.GetBytes(random.NextInt64(0, uint.MaxValue))[..4]))];
        v6 = [.. Enumerable.Range(0, 4096).Select(_ => IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"2{random.Next(0, 3):x3}:{random.Next(0, 65536):x}::{random.Next(0, 65536):x}")))];
    }

    [Benchmark]
    public int ReadWholeDatabase() => IpRegionTable.Read(new MemoryStream(csv)).V4Count;

    [Benchmark]
    public string LookUpIPv4() => table.RegionOf(v4[next++ & 4095]);

    [Benchmark]
    public string LookUpIPv6() => table.RegionOf(v6[next++ & 4095]);

    private static string V4(uint address) => new IPAddress([(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address]).ToString();
}
