using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Reports;
using PayFunctions.Core.Tests.Storage;

namespace PayFunctions.Core.Tests.Reports;

/// <summary>The database in use on the emulator: the shipped one until an upload, which replaces it everywhere only when it is whole.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IpRegionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 2, 4, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() =>
        await azurite.Storage.Blobs.GetBlobContainerClient(IpRegions.Container).DeleteBlobIfExistsAsync(IpRegions.BlobName);

    public async Task DisposeAsync() =>
        await azurite.Storage.Blobs.GetBlobContainerClient(IpRegions.Container).DeleteBlobIfExistsAsync(IpRegions.BlobName);

    [Theory]
    [InlineData("192.0.2.1", "CN-GD")]
    [InlineData("192.0.2.200", "CN-BJ")]
    [InlineData("198.51.100.7", "CN-SH")]
    [InlineData("203.0.113.9", "US")]
    [InlineData("2001:db8::5", "CN-ZJ")]
    [InlineData("127.0.0.1", "unknown")]
    [InlineData("8.8.8.8", "unknown")]
    public async Task The_shipped_database_locates_the_documentation_addresses(string address, string region)
    {
        using var regions = Regions();

        Assert.Equal(region, await regions.RegionOfAsync(IPAddress.Parse(address), CancellationToken.None));
    }

    [Fact]
    public async Task A_damaged_upload_is_refused_and_changes_nothing_here_or_in_storage()
    {
        using var regions = Regions();
        await regions.ReplaceAsync(Csv("8.8.8.0,8.8.8.255,US\n"), CancellationToken.None);

        Assert.Throws<FormatException>(() => regions.ReplaceAsync(Csv("9.9.9.0,9.9.9.255,CN-GD\n8.8.8.0,8.8.8.255,JP\n1.2.3"), CancellationToken.None).GetAwaiter().GetResult());

        Assert.Equal("US", await regions.RegionOfAsync(IPAddress.Parse("8.8.8.8"), CancellationToken.None));
        Assert.Equal("unknown", await regions.RegionOfAsync(IPAddress.Parse("9.9.9.9"), CancellationToken.None));
        using var another = Regions();
        Assert.Equal("US", await another.RegionOfAsync(IPAddress.Parse("8.8.8.8"), CancellationToken.None));
    }

    [Fact]
    public async Task An_upload_reaches_another_instance_once_it_checks_again()
    {
        using var here = Regions();
        using var there = Regions();
        Assert.Equal("unknown", await there.RegionOfAsync(IPAddress.Parse("8.8.8.8"), CancellationToken.None));

        var upload = await here.ReplaceAsync(Csv("8.8.8.0,8.8.8.255,US\n2606:4700::,2606:4700::ffff,CN-GD\n"), CancellationToken.None);

        Assert.Equal((1, 1), (upload!.V4Ranges, upload.V6Ranges));
        Assert.Equal("unknown", await there.RegionOfAsync(IPAddress.Parse("8.8.8.8"), CancellationToken.None));
        time.Advance(IpRegions.RefreshInterval);
        Assert.Equal("US", await there.RegionOfAsync(IPAddress.Parse("8.8.8.8"), CancellationToken.None));
        Assert.Equal("CN-GD", await there.RegionOfAsync(IPAddress.Parse("2606:4700::1"), CancellationToken.None));
    }

    private IpRegions Regions() => new(azurite.Storage, time, NullLogger<IpRegions>.Instance);

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
}
