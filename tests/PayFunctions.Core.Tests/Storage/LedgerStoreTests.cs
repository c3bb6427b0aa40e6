using PayFunctions.Core.Ledger;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class LedgerStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private LedgerStore Ledger => new(azurite.Storage, Due);

    private SettlementDueIndex Due => new(azurite.Storage);

    private static string NewId(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..10];

    private static JournalEntry Capture(string merchant, long gross, DateTimeOffset at, string? id = null)
    {
        var money = new Money(gross, Currency.Cny);
        var allocations = SplitCalculator.Allocate(money, new FeeSchedule(60, 0), merchant, null);
        id ??= NewId("je");
        return Postings.PaymentCaptured(id, "pay_" + id, "wechat_pay", money, allocations, at);
    }

    [Fact]
    public async Task Post_WritesTheEntryItsAccountLinesAndMarksThePayablesDue()
    {
        var merchant = NewId("mch");
        var entry = Capture(merchant, 10_000, At);

        Assert.True(await Ledger.PostAsync(entry, CancellationToken.None));

        Assert.Equal(entry.Lines, (await Ledger.ReadEntryAsync(entry.Id, CancellationToken.None))!.Lines);
        var line = Assert.Single(await Ledger.ReadAccountAsync(LedgerAccounts.Payable(merchant), CancellationToken.None));
        Assert.Equal(new AccountLine(LedgerAccounts.Payable(merchant), entry.Id, Postings.PaymentCapturedKind, entry.Reference, At, Currency.Cny, 9_940, 0), line);
        Assert.NotNull(await Due.ReadVersionAsync(merchant, "CNY", CancellationToken.None));
        Assert.Contains((merchant, "CNY"), await Due.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Post_AfterACrashBetweenJournalAndProjection_CompletesTheProjectionFromTheStoredEntry()
    {
        var merchant = NewId("mch");
        var stored = Capture(merchant, 10_000, At);
        await azurite.Storage.Tables.GetTableClient(TableNames.Ledger).AddEntityAsync(LedgerRows.Journal(stored));

        // The retry computed its own posting time; the entry already stored is what counts.
        var retried = await Ledger.PostAsync(stored with { PostedAt = At.AddMinutes(5) }, CancellationToken.None);

        Assert.False(retried);
        var line = Assert.Single(await Ledger.ReadAccountAsync(LedgerAccounts.Payable(merchant), CancellationToken.None));
        Assert.Equal(At, line.PostedAt);
        Assert.NotNull(await Due.ReadVersionAsync(merchant, "CNY", CancellationToken.None));
    }

    [Fact]
    public async Task Post_Twice_LeavesOneEntryAndOneLinePerAccount()
    {
        var merchant = NewId("mch");
        var entry = Capture(merchant, 2_000, At);

        Assert.True(await Ledger.PostAsync(entry, CancellationToken.None));
        Assert.False(await Ledger.PostAsync(entry, CancellationToken.None));

        Assert.Single(await Ledger.ReadAccountAsync(LedgerAccounts.Payable(merchant), CancellationToken.None));
    }

    [Fact]
    public async Task ReadAccount_ReadsOnlyThatAccountsPartition_InPostingOrder()
    {
        var merchant = NewId("mch");
        var other = NewId("mch");
        var late = Capture(merchant, 3_000, At.AddHours(2));
        var early = Capture(merchant, 1_000, At);
        foreach (var entry in new[] { late, early, Capture(other, 5_000, At.AddHours(1)) })
        {
            await Ledger.PostAsync(entry, CancellationToken.None);
        }

        var lines = await Ledger.ReadAccountAsync(LedgerAccounts.Payable(merchant), CancellationToken.None);

        Assert.Equal([early.Id, late.Id], lines.Select(l => l.EntryId));
        Assert.Equal([new Money(994 + 2_982, Currency.Cny)], LedgerBalances.CreditBalance(lines, LedgerAccounts.Payable(merchant)));
    }

    [Fact]
    public async Task Accounts_WithCharactersTablesForbidInKeys_AreStoredAndReadBack()
    {
        var account = "acct/" + Guid.NewGuid().ToString("N")[..6] + "#?\\%";
        var money = new Money(500, Currency.Cny);
        var entry = Postings.PaymentCaptured(NewId("je"), "pay_x", "wechat_pay", money, [new SplitAllocation(account, SplitRole.Merchant, money)], At);

        await Ledger.PostAsync(entry, CancellationToken.None);

        var line = Assert.Single(await Ledger.ReadAccountAsync(LedgerAccounts.Payable(account), CancellationToken.None));
        Assert.Equal(LedgerAccounts.Payable(account), line.Account);
        Assert.Contains((account, "CNY"), await Due.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DueIndex_RemovesARowOnlyAtTheVersionRead()
    {
        var merchant = NewId("mch");
        await Due.MarkDueAsync(merchant, Currency.Cny, CancellationToken.None);
        var seen = (await Due.ReadVersionAsync(merchant, "CNY", CancellationToken.None))!.Value;

        await Due.MarkDueAsync(merchant, Currency.Cny, CancellationToken.None);

        Assert.False(await Due.TryRemoveAsync(merchant, "CNY", seen, CancellationToken.None));
        var current = (await Due.ReadVersionAsync(merchant, "CNY", CancellationToken.None))!.Value;
        Assert.True(await Due.TryRemoveAsync(merchant, "CNY", current, CancellationToken.None));
        Assert.Null(await Due.ReadVersionAsync(merchant, "CNY", CancellationToken.None));
    }

    [Fact]
    public void Escape_LeavesPlatformIdsAloneAndIsOneToOne()
    {
        Assert.Equal("payable:mch_1", TableKeys.Escape("payable:mch_1"));
        Assert.Equal("a%2Fb%23c%3Fd%5Ce%25f%0A", TableKeys.Escape("a/b#c?d\\e%f\n"));
        Assert.NotEqual(TableKeys.Escape("a/b"), TableKeys.Escape("a%2Fb"));
    }
}
