using PayFunctions.Domain.Reconciliation;
using static PayFunctions.Domain.Tests.Reconciliation.ReconciliationFixtures;

namespace PayFunctions.Domain.Tests.Reconciliation;

public sealed class GeneratedDayTests
{
    private static readonly StatementDayGenerator Generated = new(20_000, 20, 20260302);

    [Fact]
    public void Every_injected_difference_is_found_and_classified_and_nothing_else_is_reported()
    {
        var result = Reconcile(Generated.Statement(), Generated.Payments, Generated.Refunds);

        Assert.Equal(7 * 20, Generated.Truth.Count);
        Assert.Equal(
            Generated.Truth.Select(t => (t.Class, t.Kind, t.Reference, t.Resolution)).Order(),
            result.Differences.Select(Subject).Order());
        Assert.All(Enum.GetValues<DifferenceClass>(), c => Assert.Equal(20, result.Summary.Differences[c].Count));
    }

    [Fact]
    public void Lines_are_matched_and_totalled_in_full()
    {
        var result = Reconcile(Generated.Statement(), Generated.Payments, Generated.Refunds);
        var lines = Generated.Statement().ToList();
        var orderLines = lines.Count(l => l.Kind is StatementEntryKind.Payment or StatementEntryKind.Refund);

        Assert.Equal(orderLines - result.Differences.Count(d => d.Statement is not null), result.Summary.Matched.Count);
        Assert.All(Enum.GetValues<StatementEntryKind>(), kind => Assert.Equal(
            new LineTotals(lines.Count(l => l.Kind == kind), Cny(lines.Where(l => l.Kind == kind).Sum(l => l.Amount.MinorUnits)), Cny(lines.Where(l => l.Kind == kind).Sum(l => l.Fee.MinorUnits))),
            result.Summary.Lines[kind]));
        Assert.Equal(Generated.FeeLines, result.Summary.Lines[StatementEntryKind.Fee].Count);
    }

    [Fact]
    public void The_same_seed_generates_the_same_day_and_another_seed_another()
    {
        var again = new StatementDayGenerator(20_000, 20, 20260302);
        var other = new StatementDayGenerator(20_000, 20, 7);

        Assert.Equal(Generated.Statement(), again.Statement());
        Assert.Equal(Generated.Truth, again.Truth);
        Assert.NotEqual(Generated.Truth.Select(t => t.Reference).Order(), other.Truth.Select(t => t.Reference).Order());
    }

    [Fact]
    public void A_shuffled_statement_gives_the_same_differences_in_the_same_order_with_the_same_ids()
    {
        var expected = Reconcile(Generated.Statement(), Generated.Payments, Generated.Refunds);
        var lines = Generated.Statement().ToArray();
        new Random(11).Shuffle(lines);
        var shuffledPlatform = Generated.Payments.ToArray();
        new Random(12).Shuffle(shuffledPlatform);

        var shuffled = Reconcile(lines, shuffledPlatform, Generated.Refunds.Reverse());

        Assert.Equal(expected.Differences, shuffled.Differences);
        Assert.Equal(expected.Summary.Matched, shuffled.Summary.Matched);
        Assert.Equal(expected.Summary.Differences.OrderBy(p => p.Key), shuffled.Summary.Differences.OrderBy(p => p.Key));
    }

    [Fact]
    public void Reconciling_the_day_again_gives_identical_differences_and_unique_ids()
    {
        var first = Reconcile(Generated.Statement(), Generated.Payments, Generated.Refunds);
        var second = Reconcile(Generated.Statement(), Generated.Payments, Generated.Refunds);

        Assert.Equal(first.Differences, second.Differences);
        Assert.Equal(first.Differences.Count, first.Differences.Select(d => d.Id).Distinct().Count());
        Assert.All(first.Differences, d => Assert.Matches("^[0-9a-f]{32}$", d.Id));
    }

    [Fact]
    public async Task The_asynchronous_statement_gives_the_same_result_and_can_be_cancelled()
    {
        var expected = Reconcile(Generated.Statement(), Generated.Payments, Generated.Refunds);

        var result = await Reconciler.ReconcileAsync(Day, Generated.Payments, Generated.Refunds, Generated.Statement().ToAsyncEnumerable(), CancellationToken.None);

        Assert.Equal(expected.Differences, result.Differences);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Reconciler.ReconcileAsync(Day, Generated.Payments, Generated.Refunds, Generated.Statement().ToAsyncEnumerable(), new CancellationToken(true)));
    }
}
