using System.Net;
using System.Text;
using PayFunctions.Core.Reports;

namespace PayFunctions.Core.Tests.Reports;

public sealed class IpRegionTableTests
{
    private const string Database = """
        # a comment
        1.0.0.0,1.0.0.255,CN-GD
        1.0.1.0,1.0.3.255,"US"
        1.0.4.0,1.0.4.255,ZZ
        255.255.255.0,255.255.255.255,cn-bj

        2001:db8::,2001:db8::ffff,CN-SH
        "2400:cb00::","2400:cb00:ffff:ffff:ffff:ffff:ffff:ffff",JP
        """;

    [Theory]
    [InlineData("1.0.0.0", "CN-GD")]
    [InlineData("1.0.0.255", "CN-GD")]
    [InlineData("1.0.1.0", "US")]
    [InlineData("1.0.3.255", "US")]
    [InlineData("1.0.4.7", "unknown")]
    [InlineData("0.255.255.255", "unknown")]
    [InlineData("1.0.5.0", "unknown")]
    [InlineData("255.255.255.255", "CN-BJ")]
    [InlineData("::ffff:1.0.2.3", "US")]
    [InlineData("2001:db8::", "CN-SH")]
    [InlineData("2001:db8::ffff", "CN-SH")]
    [InlineData("2001:db8::1:0", "unknown")]
    [InlineData("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", "unknown")]
    [InlineData("2400:cb00:1234::1", "JP")]
    [InlineData("ffff::1", "unknown")]
    public void Addresses_are_located_up_to_each_ranges_edges(string address, string region) =>
        Assert.Equal(region, Read(Database).RegionOf(IPAddress.Parse(address)));

    [Fact]
    public void Each_family_is_counted_and_unlocated_ranges_are_left_out()
    {
        var table = Read(Database);

        Assert.Equal((3, 2), (table.V4Count, table.V6Count));
        Assert.Equal("unknown", table.RegionOf(null));
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_are_read() =>
        Assert.Equal("US", Read("\uFEFF1.0.0.0,1.0.0.255,US\r\n2.0.0.0,2.0.0.255,JP\r\n").RegionOf(IPAddress.Parse("1.0.0.1")));

    [Theory]
    [InlineData("1.0.0.0,1.0.0.255", "Line 1 has 2 fields")]
    [InlineData("1.0.0.0,1.0.0.255,CN-GD,extra", "Line 1 has 4 fields")]
    [InlineData("1.0.0,1.0.0.255,CN-GD", "Line 1 holds an address")]
    [InlineData("10,1.0.0.255,CN-GD", "Line 1 holds an address")]
    [InlineData("fe80::1%eth0,fe80::2,CN-GD", "Line 1 holds an address")]
    [InlineData("1.0.0.0,2001:db8::,CN-GD", "Line 1 mixes")]
    [InlineData("1.0.0.9,1.0.0.1,CN-GD", "Line 1 starts after it ends")]
    [InlineData("1.0.0.0,1.0.0.255,XX", "Line 1 names no")]
    [InlineData("1.0.0.0,1.0.0.255,CN-QQ", "Line 1 names no")]
    [InlineData("1.0.0.0,1.0.0.255,CN-GD\n1.0.0.255,1.0.1.0,US", "Line 2 overlaps")]
    [InlineData("1.0.1.0,1.0.1.255,CN-GD\n1.0.0.0,1.0.0.255,US", "Line 2 overlaps")]
    [InlineData("# only a comment", "no located range")]
    [InlineData("", "no located range")]
    public void A_damaged_database_is_refused_naming_its_line(string csv, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => Read(csv)).Message, StringComparison.Ordinal);

    [Fact]
    public void Bytes_that_are_not_utf8_and_overlong_lines_are_refused_as_format_errors()
    {
        Assert.Throws<FormatException>(() => IpRegionTable.Read(new MemoryStream([0x31, 0x2e, 0xff, 0xfe, 0x0a])));
        Assert.Throws<FormatException>(() => Read(new string('1', IpRegionTable.MaxLineLength + 1)));
    }

    private static IpRegionTable Read(string csv) => IpRegionTable.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
}
