using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Tests.Screening;

/// <summary>The stored lists on the emulator and the index each instance builds from them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SanctionsIndexTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero));
    private readonly IOptions<ScreeningOptions> options = Options.Create(new ScreeningOptions());

    public Task InitializeAsync() => DeleteListsAsync();

    public Task DisposeAsync() => DeleteListsAsync();

    [Fact]
    public async Task With_no_list_stored_there_is_no_index()
    {
        using var index = Index();

        Assert.Null(await index.CurrentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_upload_is_parsed_whole_and_stored_with_what_it_holds()
    {
        var stored = await Lists().ReplaceAsync(SanctionsListSource.OfacSdn, ListFiles.Bytes(ListFiles.Sample("sdn.xml")), CancellationToken.None);

        Assert.NotNull(stored);
        var entries = OfacSdnReader.Read(ListFiles.Bytes(ListFiles.Sample("sdn.xml"))).ToList();
        Assert.Equal((entries.Count, entries.Sum(e => 1 + e.Aliases.Count)), (stored.Entries, stored.Names));
        Assert.Matches("^[0-9a-f]{64}$", stored.Sha256);
        Assert.Equal(time.GetUtcNow(), stored.UploadedAt);
        Assert.Equal([stored], await Lists().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_damaged_upload_is_refused_naming_its_line_and_the_stored_list_is_kept()
    {
        await Lists().ReplaceAsync(SanctionsListSource.OfacSdn, ListFiles.Bytes(ListFiles.Sample("sdn.xml")), CancellationToken.None);
        var before = await Lists().ListAsync(CancellationToken.None);
        var damaged = ListFiles.Sample("sdn.xml").Replace("<sdnType>Entity</sdnType>", "<sdnType>Company</sdnType>", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<FormatException>(() => Lists().ReplaceAsync(SanctionsListSource.OfacSdn, ListFiles.Bytes(damaged), CancellationToken.None));

        Assert.Contains("sdn.xml line 47", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Lists().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_file_of_the_other_list_is_refused_as_damaged() =>
        await Assert.ThrowsAsync<FormatException>(() =>
            Lists().ReplaceAsync(SanctionsListSource.OfacSdn, ListFiles.Bytes(ListFiles.Sample("consolidated.xml")), CancellationToken.None));

    [Fact]
    public async Task Another_instance_rebuilds_over_both_lists_once_its_refresh_interval_has_passed()
    {
        using var there = Index();
        Assert.Null(await there.CurrentAsync(CancellationToken.None));

        await Lists().ReplaceAsync(SanctionsListSource.OfacSdn, ListFiles.Bytes(ListFiles.Sample("sdn.xml")), CancellationToken.None);
        await Lists().ReplaceAsync(SanctionsListSource.UnConsolidated, ListFiles.Bytes(ListFiles.Sample("consolidated.xml")), CancellationToken.None);

        Assert.Null(await there.CurrentAsync(CancellationToken.None));
        time.Advance(options.Value.RefreshInterval);
        var index = await there.CurrentAsync(CancellationToken.None);
        Assert.NotNull(index);
        Assert.Equal(
            OfacSdnReader.Read(ListFiles.Bytes(ListFiles.Sample("sdn.xml"))).Count() + UnConsolidatedListReader.Read(ListFiles.Bytes(ListFiles.Sample("consolidated.xml"))).Count(),
            index.EntryCount);
        Assert.Contains(index.Screen("Iwan Testow").Hits, h => h.Entry.Source == SanctionsListSource.OfacSdn && h.Entry.Id == "900101");
        Assert.Contains(index.Screen("Anna Primerova").Hits, h => h.Entry.Source == SanctionsListSource.UnConsolidated);
    }

    [Fact]
    public async Task A_refresh_keeps_the_index_while_no_etag_changed_and_rebuilds_when_one_did()
    {
        await Lists().ReplaceAsync(SanctionsListSource.OfacSdn, ListFiles.Bytes(ListFiles.Sample("sdn.xml")), CancellationToken.None);
        using var index = Index();
        var first = await index.CurrentAsync(CancellationToken.None);

        Assert.Same(first, await index.RefreshAsync(CancellationToken.None));

        await Lists().ReplaceAsync(SanctionsListSource.UnConsolidated, ListFiles.Bytes(ListFiles.Sample("consolidated.xml")), CancellationToken.None);
        var rebuilt = await index.RefreshAsync(CancellationToken.None);
        Assert.NotSame(first, rebuilt);
        Assert.True(rebuilt!.EntryCount > first!.EntryCount);
    }

    private SanctionsLists Lists() => new(azurite.Storage, time);

    private SanctionsIndex Index() => new(Lists(), options, time, NullLogger<SanctionsIndex>.Instance);

    private async Task DeleteListsAsync()
    {
        var container = azurite.Storage.Blobs.GetBlobContainerClient(SanctionsLists.Container);
        foreach (var source in SanctionsListCodes.All)
        {
            await container.DeleteBlobIfExistsAsync(SanctionsListCodes.BlobName(source));
        }
    }
}
