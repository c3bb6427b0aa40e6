using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Storage;
using PayFunctions.Core.Tests.Storage;

namespace PayFunctions.Core.Tests.Audit;

[Collection(AzuriteCollection.Name)]
public sealed class AuditChainTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly IOptions<AuditOptions> options = Options.Create(new AuditOptions { Chain = "t" + Guid.NewGuid().ToString("N")[..16] });

    private TableClient Table => azurite.Storage.Tables.GetTableClient(TableNames.AuditEvents);

    [Fact]
    public async Task AppendedRecords_AreNumberedFromOne_ChainedToEachOther_AndVerify()
    {
        using var log = Log();
        var records = await AppendAsync(log, 5);

        Assert.Equal([1, 2, 3, 4, 5], records.Select(r => r.Sequence));
        Assert.Equal(AuditChain.GenesisHash, records[0].PreviousHash);
        Assert.All(records.Skip(1).Zip(records), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        var result = await Verifier().VerifyAsync(CancellationToken.None);
        Assert.Equal(new AuditVerification(true, 5, 5, records[^1].Hash, null, null), result);
    }

    [Fact]
    public async Task AnEmptyChain_Verifies()
    {
        Assert.Equal(new AuditVerification(true, 0, null, null, null, null), await Verifier().VerifyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnotherInstancesAppend_IsChainedOnto_NotOverwritten()
    {
        using var first = Log();
        using var second = Log();
        await AppendAsync(first, 2);
        await AppendAsync(second, 1);

        var next = await first.AppendAsync(Event(99));

        Assert.Equal(4, next!.Sequence);
        Assert.True((await Verifier().VerifyAsync(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task TimeNeverGoesBack_AlongTheChain_EvenFromAnInstanceWhoseClockIsBehind()
    {
        using var log = Log();
        await AppendAsync(log, 1);
        using var behind = new AuditLog(azurite.Storage, options, new FakeTimeProvider(time.GetUtcNow().AddMinutes(-5)), NullLogger<AuditLog>.Instance);

        var later = await behind.AppendAsync(Event(2));

        Assert.Equal(time.GetUtcNow(), later!.Time);
    }

    [Fact]
    public async Task AnAlteredField_IsNamedByItsSequenceNumber()
    {
        using var log = Log();
        await AppendAsync(log, 8);
        var row = await Row(6);
        row.Actor = "operator:mallory";
        await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        Assert.Equal((6L, AuditVerification.Altered), Broken(await Verifier().VerifyAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task AReplacedRecordWithItsHashRecomputed_BreaksTheLinkFromTheNextOne()
    {
        using var log = Log();
        await AppendAsync(log, 8);
        var row = await Row(3);
        row.Subject = "mch_someoneelse";
        row.Hash = AuditChain.HashOf(row.PreviousHash, row);
        await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        Assert.Equal((3L, AuditVerification.BrokenLink), Broken(await Verifier().VerifyAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task ADeletedRow_IsNamedAsMissing()
    {
        using var log = Log();
        await AppendAsync(log, 10);
        await Table.DeleteEntityAsync(options.Value.Chain, AuditChain.RowKeyOf(4));

        Assert.Equal((4L, AuditVerification.Missing), Broken(await Verifier().VerifyAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task TheFirstRowDeleted_IsNamedAsMissing()
    {
        using var log = Log();
        await AppendAsync(log, 3);
        await Table.DeleteEntityAsync(options.Value.Chain, AuditChain.RowKeyOf(1));

        Assert.Equal((1L, AuditVerification.Missing), Broken(await Verifier().VerifyAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task TwoSwappedRows_AreNamedByTheLowerOne()
    {
        using var log = Log();
        await AppendAsync(log, 8);
        var third = await Row(3);
        var fifth = await Row(5);
        (third.RowKey, fifth.RowKey) = (fifth.RowKey, third.RowKey);
        await Table.UpsertEntityAsync(third, TableUpdateMode.Replace);
        await Table.UpsertEntityAsync(fifth, TableUpdateMode.Replace);

        Assert.Equal((3L, AuditVerification.OutOfOrder), Broken(await Verifier().VerifyAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task TheFirstOfSeveralBreaks_IsNamed()
    {
        using var log = Log();
        await AppendAsync(log, 10);
        await Table.DeleteEntityAsync(options.Value.Chain, AuditChain.RowKeyOf(7));
        var row = await Row(2);
        row.Detail = """{"count":1000}""";
        await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        Assert.Equal((2L, AuditVerification.Altered), Broken(await Verifier().VerifyAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task ParallelAppendsFromSeveralInstances_MakeOneGapFreeChain_AtAFewRequestsEach()
    {
        using var counter = new StorageRequestCounter();
        var storage = azurite.Counted(counter);
        var logs = Enumerable.Range(0, 4).Select(_ => new AuditLog(storage, options, time, NullLogger<AuditLog>.Instance)).ToList();
        const int PerInstance = 15;

        var appended = await Task.WhenAll(logs.SelectMany(log => Enumerable.Range(0, PerInstance).Select(i => log.AppendAsync(Event(i)))));

        Assert.All(appended, Assert.NotNull);
        Assert.Equal(Enumerable.Range(1, logs.Count * PerInstance).Select(i => (long)i), appended.Select(r => r!.Sequence).Order());
        var requests = counter.Snapshot().Sum(c => c.Value);
        var result = await Verifier().VerifyAsync(CancellationToken.None);
        Assert.Equal((true, logs.Count * PerInstance), (result.Intact, result.Records));

        // Uncontended, an append is one insert; each lost race costs a head read and another insert.
        Assert.InRange(requests, logs.Count * PerInstance, 3 * logs.Count * PerInstance * logs.Count);
        Console.WriteLine($"audit appends: {appended.Length} from {logs.Count} instances in {requests} storage requests");
        logs.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task AnUncontendedAppend_IsOneStorageRequest_AndTheFirstOfAnInstanceTwo()
    {
        using var counter = new StorageRequestCounter();
        using var log = new AuditLog(azurite.Counted(counter), options, time, NullLogger<AuditLog>.Instance);

        await log.AppendAsync(Event(1));
        var first = counter.Snapshot().Sum(c => c.Value);
        await AppendAsync(log, 10);

        Assert.Equal((2L, 12L), (first, counter.Snapshot().Sum(c => c.Value)));
    }

    [Fact]
    public async Task AMalformedEvent_IsNotAppended_AndDoesNotThrow()
    {
        using var log = Log();

        Assert.Null(await log.AppendAsync(new AuditEvent("Not A Type", AuditActors.System, null)));
        Assert.Null(await log.AppendAsync(new AuditEvent(AuditEventTypes.SettlementRun, "root", null)));
        Assert.Null(await log.AppendAsync(new AuditEvent(AuditEventTypes.SettlementRun, AuditActors.System, "a\nb")));
        Assert.Null(await log.ReadHeadAsync(CancellationToken.None));
    }

    [Fact]
    public void TheHashOfAKnownRecord_IsPinned()
    {
        // Anything that changes these bytes (member order, escaping, time format) breaks every stored chain.
        var record = new AuditEntity
        {
            Sequence = 1,
            Type = AuditEventTypes.ApiKeyRolled,
            Actor = AuditActors.Merchant("mch_1"),
            Subject = "key_1",
            Detail = AuditChain.CanonicalDetail(new Dictionary<string, object?> { ["new_key"] = "key_2", ["grace_seconds"] = 60 }),
            Time = new DateTimeOffset(2026, 3, 1, 10, 0, 0, 123, TimeSpan.Zero),
            RequestId = "r1",
        };

        Assert.Equal(
            """{"sequence":1,"type":"api_key.rolled","actor":"merchant:mch_1","subject":"key_1","detail":"{\u0022grace_seconds\u0022:60,\u0022new_key\u0022:\u0022key_2\u0022}","time":"2026-03-01T10:00:00.123Z","request_id":"r1"}""",
            System.Text.Encoding.UTF8.GetString(AuditChain.Canonical(record)));
        Assert.Equal("7761e508e4ece06b6847a03a14e7c61c5fb3b49533bd4e563003366017df77d1", AuditChain.HashOf(AuditChain.GenesisHash, record));
    }

    private static (long?, string?) Broken(AuditVerification result) => (result.FirstBrokenSequence, result.Problem);

    private static AuditEvent Event(int i) =>
        new(AuditEventTypes.ApiKeyCreated, AuditActors.Merchant("mch_test"), "key_" + i, new Dictionary<string, object?> { ["n"] = i });

    private static async Task<List<AuditEntity>> AppendAsync(AuditLog log, int count)
    {
        var records = new List<AuditEntity>();
        for (var i = 0; i < count; i++)
        {
            records.Add((await log.AppendAsync(Event(i)))!);
        }

        return records;
    }

    private async Task<AuditEntity> Row(long sequence) =>
        (await Table.GetEntityAsync<AuditEntity>(options.Value.Chain, AuditChain.RowKeyOf(sequence))).Value;

    private AuditLog Log() => new(azurite.Storage, options, time, NullLogger<AuditLog>.Instance);

    private AuditChainVerifier Verifier() => new(azurite.Storage, options);
}
