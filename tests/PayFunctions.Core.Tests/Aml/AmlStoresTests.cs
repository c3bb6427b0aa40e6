using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Accounts;
using PayFunctions.Core.Aml;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Fx;
using PayFunctions.Core.Payments;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Settlements;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Secrets;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Tests.Aml;

/// <summary>The index the completion writes, the cases and the daily run's files, on the emulator.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AmlStoresTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly IOptions<AmlOptions> options = Options.Create(new AmlOptions());
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, China));

    [Fact]
    public async Task A_succeeded_payment_is_indexed_on_its_China_day_and_mode_with_its_receivers_and_nothing_else_is()
    {
        var day = RandomDay();
        var index = new AmlIndex(azurite.Storage, options);
        var merchant = "mch_" + Guid.NewGuid().ToString("N")[..12];
        var lateNight = new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), China);
        var paid = Payment(merchant, 10_000, lateNight, "payer_" + new string('a', 24), ("acct_1", 3_000));
        paid.PayerRegion = "HK";
        var failed = Payment(merchant, 500, lateNight);
        failed.Status = nameof(PaymentStatus.Failed);
        var test = Payment(merchant, 700, lateNight);
        test.TestMode = true;

        foreach (var p in new[] { paid, paid, failed, test })
        {
            await index.RecordPaymentAsync(p, CancellationToken.None);
        }

        var live = (await index.ReadAsync(day, livemode: true, CancellationToken.None)).Where(p => p.MerchantId == merchant).ToList();
        var row = Assert.Single(live);
        Assert.Equal((paid.Id, "payer_" + new string('a', 24), new Money(10_000, Currency.Cny), lateNight, true), (row.Id, row.Payer, row.Amount, row.At, row.CrossBorder));
        Assert.Equal([new IndexedReceiver("acct_1", 3_000, "CNY"), new IndexedReceiver(merchant, 6_900, "CNY")], row.Receivers);
        Assert.Equal([test.Id], (await index.ReadAsync(day, livemode: false, CancellationToken.None)).Where(p => p.MerchantId == merchant).Select(p => p.Id));
        Assert.DoesNotContain(paid.Id, (await index.ReadAsync(day.AddDays(1), livemode: true, CancellationToken.None)).Select(p => p.Id));
    }

    [Theory]
    [InlineData("CN-GD", false)]
    [InlineData("CN", false)]
    [InlineData(null, false)]
    [InlineData("unknown", false)]
    [InlineData("HK", true)]
    [InlineData("US", true)]
    public void Only_a_payer_located_outside_the_mainland_pays_across_the_border(string? region, bool crossBorder) =>
        Assert.Equal(crossBorder, AmlIndex.IsCrossBorder(region));

    [Fact]
    public async Task A_day_is_reported_with_its_detections_and_cases_and_a_rerun_writes_the_same_files_and_opens_nothing()
    {
        var day = RandomDay();
        var merchant = "mch_" + Guid.NewGuid().ToString("N")[..12];
        var (runner, cases) = Runner();
        var index = new AmlIndex(azurite.Storage, options);
        var morning = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), China);
        var large = Payment(merchant, 50_000_000, morning, Payer('1'));
        var split1 = Payment(merchant, 48_000_000, morning.AddHours(1), Payer('2'));
        var split2 = Payment(merchant, 47_000_000, morning.AddHours(2), Payer('2'));
        var mule = "acct_" + Guid.NewGuid().ToString("N")[..12];
        var toMule = Payment(merchant, 6_000_000, morning.AddHours(3), Payer('3'), (mule, 5_900_000));
        foreach (var p in new[] { large, split1, split2, toMule })
        {
            await index.RecordPaymentAsync(p, CancellationToken.None);
        }

        await azurite.Storage.Tables.GetTableClient(TableNames.Accounts).AddEntityAsync(
            new AccountEntity { PartitionKey = merchant, RowKey = mule, Type = AccountEntity.Individual, Name = "Mule", PayoutType = AccountEntity.BankAccount });
        await new SettlementStore(azurite.Storage).RecordAsync(
            new SettlementEntity { RowKey = "stl_" + mule, AccountId = mule, Amount = 5_900_000, Currency = "CNY", CreatedAt = morning.AddHours(18) }, CancellationToken.None);

        var run = await runner.RunAsync(day, AuditActors.System, CancellationToken.None);

        var live = JsonNode.Parse(run.SummaryJson)!["live"]!;
        Assert.Equal((4, 1, 2, 2, 2), ((int)live["payments"]!, (int)live["payouts"]!, (int)live["large_value"]!, (int)live["suspicious"]!, (int)live["cases_opened"]!));
        var largeFile = await ReadAsync(day, AmlReportFiles.LargeValueFile);
        Assert.Equal(
            [("payer", Payer('1'), large.Id), ("payer", Payer('2'), string.Join(",", new[] { split1.Id, split2.Id }.Order(StringComparer.Ordinal)))],
            largeFile["detections"]!.AsArray().Select(d => ((string)d!["party"]!["kind"]!, (string)d["party"]!["id"]!, string.Join(",", d["transactions"]!.AsArray().Select(t => (string)t!).Order(StringComparer.Ordinal)))));
        var opened = await cases.OfDayAsync(day, livemode: true, CancellationToken.None);
        Assert.Equal([("structuring", Payer('2')), ("rapid_in_out", mule)], opened.Select(c => (c.Pattern, c.PartyId)).OrderBy(c => c.Pattern == "rapid_in_out"));
        Assert.All(opened, c => Assert.Equal((AmlCaseStatuses.Open, AuditActors.System), (c.Status, c.OpenedBy)));

        var before = (await RawAsync(day, AmlReportFiles.LargeValueFile), await RawAsync(day, AmlReportFiles.SuspiciousFile));
        time.Advance(TimeSpan.FromHours(1));
        var again = await runner.RunAsync(day, AuditActors.Operator("op_1"), CancellationToken.None);

        Assert.Equal(0, (int)JsonNode.Parse(again.SummaryJson)!["live"]!["cases_opened"]!);
        Assert.Equal(before, (await RawAsync(day, AmlReportFiles.LargeValueFile), await RawAsync(day, AmlReportFiles.SuspiciousFile)));
        Assert.Equal(opened.Select(c => c.RowKey), (await cases.OfDayAsync(day, livemode: true, CancellationToken.None)).Select(c => c.RowKey));
    }

    [Fact]
    public async Task Cases_change_under_their_ETag_and_list_by_status_newest_day_first_a_page_at_a_time()
    {
        var cases = new AmlCaseStore(azurite.Storage);
        var older = RandomDay();
        var newer = older.AddYears(1);
        var ids = new List<(DateOnly, string)>();
        foreach (var day in new[] { older, newer, newer })
        {
            var hash = Guid.NewGuid().ToString("N");
            var (_, added) = await cases.AddAsync(Case(day, hash), CancellationToken.None);
            Assert.True(added);
            Assert.False((await cases.AddAsync(Case(day, hash), CancellationToken.None)).Added);
            ids.Add((day, hash));
        }

        var escalated = await cases.UpdateAsync(ids[0].Item1, ids[0].Item2, c => (c.Status = AmlCaseStatuses.Escalated) is not null, CancellationToken.None);
        Assert.Equal((AmlCaseStatuses.Escalated, true), (escalated!.Value.Case.Status, escalated.Value.Changed));
        var refused = await cases.UpdateAsync(ids[0].Item1, ids[0].Item2, c => false, CancellationToken.None);
        Assert.Equal((AmlCaseStatuses.Escalated, false), (refused!.Value.Case.Status, refused.Value.Changed));
        Assert.Null(await cases.UpdateAsync(older, Guid.NewGuid().ToString("N"), c => true, CancellationToken.None));

        var escalatedIds = new List<string>();
        (DateOnly, string)? after = null;
        bool more;
        do
        {
            var (page, hasMore) = await cases.ListAsync(AmlCaseStatuses.Escalated, 1, after, CancellationToken.None);
            escalatedIds.AddRange(page.Select(c => c.RowKey));
            after = page.Count > 0 ? (AmlIds.DayOfPartition(page[^1].PartitionKey), page[^1].RowKey) : null;
            more = hasMore;
        }
        while (more);

        Assert.Contains(ids[0].Item2, escalatedIds);
        Assert.DoesNotContain(ids[1].Item2, escalatedIds);
        var (firstPage, _) = await cases.ListAsync(null, 100, null, CancellationToken.None);
        var positions = ids.Select(i => firstPage.ToList().FindIndex(c => c.RowKey == i.Item2)).ToList();
        Assert.True(positions[1] < positions[0] && positions[2] < positions[0], "the newer day's cases come first");
    }

    private (AmlReportRunner Runner, AmlCaseStore Cases) Runner()
    {
        var storage = azurite.Storage;
        var cases = new AmlCaseStore(storage);
        var audit = new AuditLog(storage, Options.Create(new AuditOptions { Chain = "a" + Guid.NewGuid().ToString("N")[..16] }), time, NullLogger<AuditLog>.Instance);
        var accounts = new AccountStore(storage, new SecretEnvelope(VersionedSecrets.WithKeyEncryptionKey()), time);
        return (new AmlReportRunner(
            new AmlIndex(storage, options), accounts, new AmlPayouts(storage), cases, new AmlReportFiles(storage, cases, options), new AmlRunStore(storage),
            new FxRatesStore(storage), audit, options, time), cases);
    }

    private async Task<JsonNode> ReadAsync(DateOnly day, string file) => JsonNode.Parse(await RawAsync(day, file))!;

    private async Task<string> RawAsync(DateOnly day, string file) =>
        (await azurite.Storage.Blobs.GetBlobContainerClient(TableNames.AmlReportContainer).GetBlobClient(AmlReportFiles.NameOf(day, true, file))
            .DownloadContentAsync()).Value.Content.ToString();

    private static string Payer(char c) => "payer_" + new string(c, 24);

    /// <summary>A day of its own, far from the other tests', so that a day's index and cases hold only this test's rows.</summary>
    private static DateOnly RandomDay() => new DateOnly(2040, 1, 1).AddDays(Random.Shared.Next(0, 3_000));

    private static AmlCaseEntity Case(DateOnly day, string hash) => new()
    {
        PartitionKey = AmlIds.DayPartition(day), RowKey = hash, Day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Livemode = true, Pattern = "manual", PartyKind = "merchant", PartyId = "mch_1", Reason = "test", OpenedBy = "system",
    };

    private static PaymentEntity Payment(string merchant, long amount, DateTimeOffset paidAt, string? payer = null, params (string Account, long Share)[] split)
    {
        var allocations = split.Select(s => new SplitAllocation(s.Account, SplitRole.Recipient, new Money(s.Share, Currency.Cny)))
            .Append(new SplitAllocation(merchant, SplitRole.Merchant, new Money(amount - split.Sum(s => s.Share) - amount / 100, Currency.Cny)))
            .Prepend(new SplitAllocation("platform", SplitRole.PlatformFee, new Money(amount / 100, Currency.Cny)));
        return new PaymentEntity
        {
            PartitionKey = merchant,
            RowKey = "pay_" + Guid.NewGuid().ToString("N")[..24],
            Method = "wechat_pay.native",
            Amount = amount,
            Currency = "CNY",
            Status = nameof(PaymentStatus.Succeeded),
            CreatedAt = paidAt.AddMinutes(-1),
            PaidAt = paidAt,
            CompletedAt = paidAt,
            PayerPseudonym = payer,
            AllocationsJson = SplitRuleSerializer.SerializeAllocations(allocations),
        };
    }
}
