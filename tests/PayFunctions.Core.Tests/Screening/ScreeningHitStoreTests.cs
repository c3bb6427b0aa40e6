using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Screening;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain.Screening;

namespace PayFunctions.Core.Tests.Screening;

/// <summary>Hits on the emulator: one per party and entry, reviews that stand, and the payouts they hold.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScreeningHitStoreTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly SanctionsEntry Testov = new(
        SanctionsListSource.OfacSdn, "900101", null, SanctionedPartyType.Individual, "Ivan Petrovich TESTOV", [new("Iwan TESTOFF", NameQuality.Strong)], ["SDGT"]);

    private static readonly ScreeningIndex Lists = ScreeningIndex.Build([Testov]);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero));
    private readonly List<SanctionsIndex> indexes = [];

    private ScreeningHitStore Hits => new(azurite.Storage);

    [Fact]
    public async Task Screening_a_party_twice_records_one_hit_pending_review()
    {
        var (screener, _) = Screener();
        var party = NewAccount("Iwan Testow");

        var first = Assert.Single(await screener.ScreenAsync(Lists, party, CancellationToken.None));
        time.Advance(TimeSpan.FromHours(1));
        var again = Assert.Single(await screener.ScreenAsync(Lists, party with { Name = "Ivan Testov" }, CancellationToken.None));

        Assert.Equal(first.RowKey, again.RowKey);
        Assert.Equal((ScreeningHitStatuses.PendingReview, first.CreatedAt), (again.Status, again.CreatedAt));
        Assert.Equal((party.Id, "ofac_sdn", "900101"), (again.PartyId, again.ListSource, again.EntryId));
        Assert.Single(await HitsOfAsync(party));
    }

    [Fact]
    public async Task A_name_that_is_not_listed_records_nothing_and_no_index_screens_nothing()
    {
        var (screener, _) = Screener();

        Assert.Empty(await screener.ScreenAsync(Lists, NewAccount("Wang Fang Courier"), CancellationToken.None));
        Assert.Empty(await screener.ScreenAsync(null, NewAccount("Iwan Testow"), CancellationToken.None));
    }

    [Fact]
    public async Task A_dismissed_hit_stays_dismissed_when_screened_again_and_is_raised_again_when_the_entrys_names_change()
    {
        var (screener, _) = Screener();
        var party = NewAccount("Iwan Testow");
        var hit = Assert.Single(await screener.ScreenAsync(Lists, party, CancellationToken.None));
        Assert.True(await Hits.ReviewAsync(hit, ScreeningHitStatuses.Dismissed, "Different person: born 1991", "operator:op_a", time.GetUtcNow(), CancellationToken.None));

        Assert.Equal(ScreeningHitStatuses.Dismissed, Assert.Single(await screener.ScreenAsync(Lists, party, CancellationToken.None)).Status);

        var renamed = ScreeningIndex.Build([Testov with { Aliases = [.. Testov.Aliases, new SanctionsAlias("Ivan TESTOW", NameQuality.Strong)] }]);
        var raised = Assert.Single(await screener.ScreenAsync(renamed, party, CancellationToken.None));
        Assert.Equal((hit.RowKey, ScreeningHitStatuses.PendingReview, (string?)null), (raised.RowKey, raised.Status, raised.ReviewedBy));
        Assert.Equal(ScreeningHitStatuses.PendingReview, (await Hits.GetAsync(hit.RowKey, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_confirmed_hit_stays_confirmed_whatever_the_list_says_later()
    {
        var (screener, _) = Screener();
        var party = NewAccount("Iwan Testow");
        var hit = Assert.Single(await screener.ScreenAsync(Lists, party, CancellationToken.None));
        Assert.True(await Hits.ReviewAsync(hit, ScreeningHitStatuses.Confirmed, "Same passport", "operator:op_a", time.GetUtcNow(), CancellationToken.None));

        var renamed = ScreeningIndex.Build([Testov with { PrimaryName = "Ivan TESTOW" }]);

        Assert.Equal(ScreeningHitStatuses.Confirmed, Assert.Single(await screener.ScreenAsync(renamed, party, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_hit_is_reviewed_once_even_by_two_operators_at_once()
    {
        var (screener, _) = Screener();
        var hit = Assert.Single(await screener.ScreenAsync(Lists, NewAccount("Iwan Testow"), CancellationToken.None));
        var (mine, theirs) = (await Hits.GetAsync(hit.RowKey, CancellationToken.None), await Hits.GetAsync(hit.RowKey, CancellationToken.None));

        var reviews = await Task.WhenAll(
            Hits.ReviewAsync(mine!, ScreeningHitStatuses.Dismissed, "a", "operator:op_a", time.GetUtcNow(), CancellationToken.None),
            Hits.ReviewAsync(theirs!, ScreeningHitStatuses.Confirmed, "b", "operator:op_b", time.GetUtcNow(), CancellationToken.None));

        Assert.Single(reviews, r => r);
        var stored = await Hits.GetAsync(hit.RowKey, CancellationToken.None);
        Assert.Equal(reviews[0] ? ("operator:op_a", ScreeningHitStatuses.Dismissed) : ("operator:op_b", ScreeningHitStatuses.Confirmed), (stored!.ReviewedBy, stored.Status));
        Assert.False(await Hits.ReviewAsync(stored, ScreeningHitStatuses.Confirmed, "c", "operator:op_c", time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task Payouts_are_held_while_a_hit_is_pending_or_confirmed_and_released_when_it_is_dismissed()
    {
        var (screener, blocks) = Screener();
        var account = NewAccount("Iwan Testow");
        var merchant = ScreenedParty.Merchant("mch_" + Guid.NewGuid().ToString("N")[..16], "Iwan Testoff");
        var accountHit = Assert.Single(await screener.ScreenAsync(Lists, account, CancellationToken.None));
        var merchantHit = Assert.Single(await screener.ScreenAsync(Lists, merchant, CancellationToken.None));

        var held = await blocks.CurrentAsync(CancellationToken.None);
        Assert.Contains(account.Id, held);
        Assert.Contains(merchant.Id, held);
        Assert.Contains(merchant.Id + "_test", held);
        Assert.DoesNotContain(account.MerchantId, held);

        Assert.True(await Hits.ReviewAsync(accountHit, ScreeningHitStatuses.Dismissed, "Different person", "operator:op_a", time.GetUtcNow(), CancellationToken.None));
        Assert.True(await Hits.ReviewAsync(merchantHit, ScreeningHitStatuses.Confirmed, "Same person", "operator:op_a", time.GetUtcNow(), CancellationToken.None));
        held = await blocks.CurrentAsync(CancellationToken.None);
        Assert.DoesNotContain(account.Id, held);
        Assert.Contains(merchant.Id, held);
    }

    [Fact]
    public async Task The_request_path_keeps_what_it_read_for_a_while_and_forgets_it_on_this_instances_own_screening()
    {
        var (screener, blocks) = Screener();
        var account = NewAccount("Iwan Testow");
        Assert.False(await blocks.IsHeldAsync(account.Id, CancellationToken.None));

        var (elsewhere, _) = Screener();
        Assert.Single(await elsewhere.ScreenAsync(Lists, account, CancellationToken.None));

        Assert.False(await blocks.IsHeldAsync(account.Id, CancellationToken.None));
        time.Advance(PayoutBlocks.KeptFor);
        Assert.True(await blocks.IsHeldAsync(account.Id, CancellationToken.None));

        var other = NewAccount("Iwan Testoff");
        Assert.Single(await screener.ScreenAsync(Lists, other, CancellationToken.None));
        Assert.True(await blocks.IsHeldAsync(other.Id, CancellationToken.None));
    }

    [Fact]
    public async Task The_queue_lists_by_status_in_pages()
    {
        var (screener, _) = Screener();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(Assert.Single(await screener.ScreenAsync(Lists, NewAccount("Iwan Testow"), CancellationToken.None)).RowKey);
        }

        var seen = new List<string>();
        string? after = null;
        bool more;
        do
        {
            (var page, more) = await Hits.ListAsync(ScreeningHitStatuses.PendingReview, 2, after, CancellationToken.None);
            Assert.InRange(page.Count, 0, 2);
            Assert.All(page, h => Assert.Equal(ScreeningHitStatuses.PendingReview, h.Status));
            seen.AddRange(page.Select(h => h.RowKey));
            after = page.Count > 0 ? page[^1].RowKey : null;
        }
        while (more);

        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Superset(ids.ToHashSet(), seen.ToHashSet());
    }

    public void Dispose()
    {
        foreach (var index in indexes)
        {
            index.Dispose();
        }
    }

    private static ScreenedParty NewAccount(string name) =>
        ScreenedParty.Account("mch_" + Guid.NewGuid().ToString("N")[..16], "acct_" + Guid.NewGuid().ToString("N")[..24], name);

    private (SanctionsScreener Screener, PayoutBlocks Blocks) Screener()
    {
        var blocks = new PayoutBlocks(Hits, time);
        var lists = new SanctionsLists(azurite.Storage, time);
        var options = Options.Create(new ScreeningOptions());
        var index = new SanctionsIndex(lists, options, time, NullLogger<SanctionsIndex>.Instance);
        indexes.Add(index);
        return (new SanctionsScreener(index, Hits, blocks, options, time, NullLogger<SanctionsScreener>.Instance), blocks);
    }

    private async Task<IReadOnlyList<ScreeningHitEntity>> HitsOfAsync(ScreenedParty party)
    {
        var found = new List<ScreeningHitEntity>();
        await foreach (var row in azurite.Storage.Tables.GetTableClient(TableNames.ScreeningHits).QueryAsync<ScreeningHitEntity>(h => h.PartyId == party.Id))
        {
            found.Add(row);
        }

        return found;
    }
}
