using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Routing;
using PayFunctions.Core.Tests.Storage;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Tests.Routing;

[Collection(AzuriteCollection.Name)]
public sealed class ChannelHealthTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 10, 0, 5, TimeSpan.Zero));
    private readonly ChannelAccountId account = new("test_channel", "acct-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void An_account_never_called_has_the_prior_and_no_latencies()
    {
        var health = new ChannelHealth(time).Get(account);

        Assert.Equal(0, health.Success.Samples(time.GetUtcNow()));
        Assert.Null(health.LatencyP95);
        Assert.False(health.CircuitOpen);
        Assert.Equal(default, health.Errors);
    }

    [Fact]
    public void Refusals_count_as_answers_and_failures_to_answer_against_the_account()
    {
        var health = new ChannelHealth(time);

        health.Record(account, ChannelCallResult.Succeeded, TimeSpan.FromMilliseconds(100));
        health.Record(account, ChannelCallResult.Declined, TimeSpan.FromMilliseconds(100));
        health.Record(account, ChannelCallResult.Transient, TimeSpan.FromMilliseconds(100));
        health.Record(account, ChannelCallResult.TimedOut, TimeSpan.FromSeconds(10));
        health.Record(account, ChannelCallResult.CircuitOpen, TimeSpan.Zero);

        var got = health.Get(account);
        Assert.Equal(2, got.Success.Successes, 6);
        Assert.Equal(2, got.Success.Failures, 6);
        Assert.Equal(new ErrorCounts(Declined: 1, Transient: 1, TimedOut: 1, CircuitOpen: 1), got.Errors);
    }

    [Fact]
    public void Latencies_cover_this_minute_and_the_one_before_then_age_out()
    {
        var health = new ChannelHealth(time);
        for (var i = 0; i < 20; i++)
        {
            health.Record(account, ChannelCallResult.Succeeded, TimeSpan.FromMilliseconds(200));
        }

        health.Record(account, ChannelCallResult.Transient, TimeSpan.FromMilliseconds(200));

        time.Advance(TimeSpan.FromMinutes(1));
        var aMinuteLater = health.Get(account);
        Assert.InRange(aMinuteLater.LatencyP95!.Value.TotalMilliseconds, 150, 270);
        Assert.Equal(1, aMinuteLater.Errors.Transient);

        time.Advance(TimeSpan.FromMinutes(1));
        var twoMinutesLater = health.Get(account);
        Assert.Null(twoMinutesLater.LatencyP95);
        Assert.Equal(default, twoMinutesLater.Errors);
        Assert.True(twoMinutesLater.Success.Samples(time.GetUtcNow()) > 5, "the success estimate decays rather than forgets");
    }

    [Fact]
    public void A_slow_answer_in_this_window_shows_in_the_p95()
    {
        var health = new ChannelHealth(time);
        for (var i = 0; i < 9; i++)
        {
            health.Record(account, ChannelCallResult.Succeeded, TimeSpan.FromMilliseconds(50));
        }

        Assert.True(health.Get(account).LatencyP95 < TimeSpan.FromMilliseconds(100));
        health.Record(account, ChannelCallResult.TimedOut, TimeSpan.FromSeconds(10));
        Assert.True(health.Get(account).LatencyP95 > TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void An_open_circuit_shows_until_its_break_ends()
    {
        var health = new ChannelHealth(time);

        health.RecordCircuit(account, time.GetUtcNow().AddSeconds(30));
        Assert.True(health.Get(account).CircuitOpen);

        time.Advance(TimeSpan.FromSeconds(31));
        Assert.False(health.Get(account).CircuitOpen);
    }

    [Fact]
    public async Task Each_instance_sees_the_others_calls_after_they_synced()
    {
        var (first, firstSync) = Instance();
        var (second, secondSync) = Instance();
        for (var i = 0; i < 6; i++)
        {
            first.Record(account, ChannelCallResult.Succeeded, TimeSpan.FromMilliseconds(40));
            second.Record(account, ChannelCallResult.Transient, TimeSpan.FromMilliseconds(4_000));
        }

        first.RecordCircuit(account, time.GetUtcNow().AddSeconds(30));

        await firstSync.SyncOnceAsync(CancellationToken.None);
        await secondSync.SyncOnceAsync(CancellationToken.None);
        await firstSync.SyncOnceAsync(CancellationToken.None);

        foreach (var view in new[] { first.Get(account), second.Get(account) })
        {
            Assert.Equal(6, view.Success.Successes, 6);
            Assert.Equal(6, view.Success.Failures, 6);
            Assert.Equal(6, view.Errors.Transient);
            Assert.True(view.LatencyP50 > TimeSpan.FromMilliseconds(30) && view.LatencyP95 > TimeSpan.FromSeconds(3));
            Assert.True(view.CircuitOpen);
        }
    }

    [Fact]
    public async Task An_instance_that_stopped_writing_is_forgotten()
    {
        var (gone, goneSync) = Instance();
        var (live, liveSync) = Instance();
        gone.Record(account, ChannelCallResult.Transient, TimeSpan.FromMilliseconds(100));
        await goneSync.SyncOnceAsync(CancellationToken.None);
        await liveSync.SyncOnceAsync(CancellationToken.None);
        Assert.Equal(1, live.Get(account).Errors.Transient);

        time.Advance(ChannelHealth.StaleAfter + TimeSpan.FromSeconds(1));
        await liveSync.SyncOnceAsync(CancellationToken.None);

        Assert.Equal(0, live.Get(account).Success.Failures);
    }

    [Fact]
    public async Task An_unchanged_account_is_not_written_again()
    {
        var (health, sync) = Instance();
        health.Record(account, ChannelCallResult.Succeeded, TimeSpan.FromMilliseconds(100));
        await sync.SyncOnceAsync(CancellationToken.None);
        var table = azurite.Storage.Tables.GetTableClient(PayFunctions.Core.Storage.TableNames.ChannelHealth);
        var written = (await table.GetEntityAsync<ChannelHealthEntity>(ChannelHealthEntity.PartitionKeyOf(account), health.InstanceId)).Value;

        time.Advance(TimeSpan.FromSeconds(5));
        await sync.SyncOnceAsync(CancellationToken.None);

        var after = (await table.GetEntityAsync<ChannelHealthEntity>(ChannelHealthEntity.PartitionKeyOf(account), health.InstanceId)).Value;
        Assert.Equal(written.ETag, after.ETag);
    }

    private (ChannelHealth Health, ChannelHealthSync Sync) Instance()
    {
        var health = new ChannelHealth(time);
        return (health, new ChannelHealthSync(health, new ChannelHealthStore(azurite.Storage), time, NullLogger<ChannelHealthSync>.Instance));
    }
}
