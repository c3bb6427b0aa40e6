using PayFunctions.Domain.Routing;
using static PayFunctions.Domain.Tests.Routing.RoutingFixtures;

namespace PayFunctions.Domain.Tests.Routing;

public sealed class RuleMatchingTests
{
    private static readonly States NoHistory = new();

    [Fact]
    public void Without_a_matching_rule_the_configured_accounts_compete_in_their_order()
    {
        var decision = Router.Decide(Policy(rules: Rule("big", new RouteCondition { MinAmount = 1_000_000 }, Candidate(C))), Request(), NoHistory);

        Assert.Null(decision.Rule);
        Assert.Equal([A, B, C], decision.Candidates.Select(c => c.Account));
        Assert.All(decision.Candidates, c => Assert.Equal((0, 1, null), (c.Priority, c.Weight, c.Eliminated)));
    }

    [Fact]
    public void The_first_matching_rule_wins()
    {
        var policy = Policy(rules: [
            Rule("usd", new RouteCondition { Currencies = ["USD"] }, Candidate(A)),
            Rule("cny", new RouteCondition { Currencies = ["CNY"] }, Candidate(B)),
            Rule("any", Candidate(C)),
        ]);

        var decision = Router.Decide(policy, Request(), NoHistory);

        Assert.Equal("cny", decision.Rule);
        Assert.Equal([B], decision.Candidates.Select(c => c.Account));
    }

    [Fact]
    public void A_rule_with_an_empty_condition_matches_everything()
    {
        var empty = new RouteCondition { Methods = [], Currencies = [], Countries = [], Regions = [], Terminals = [] };

        Assert.True(Matches(empty, Request(country: null, region: null)));
    }

    [Fact]
    public void Methods_match_exactly()
    {
        var when = new RouteCondition { Methods = ["wechat_pay.jsapi", Method] };

        Assert.True(Matches(when, Request()));
        Assert.False(Matches(when, Request(method: "wechat_pay.h5")));
    }

    [Theory]
    [InlineData(999, false)]
    [InlineData(1_000, true)]
    [InlineData(5_000, true)]
    [InlineData(5_001, false)]
    public void Amount_bounds_are_inclusive(long amount, bool matches) =>
        Assert.Equal(matches, Matches(new RouteCondition { MinAmount = 1_000, MaxAmount = 5_000 }, Request(amount)));

    [Theory]
    [InlineData("CNY", true)]
    [InlineData("cny", true)]
    [InlineData("HKD", true)]
    [InlineData("USD", false)]
    public void Currencies_compare_case_insensitively(string listed, bool matches)
    {
        var when = new RouteCondition { Currencies = [listed, "HKD"] };

        Assert.Equal(matches, Matches(when, Request(currency: listed == "HKD" ? "HKD" : "CNY")));
    }

    [Fact]
    public void Countries_match_and_an_unknown_country_does_not()
    {
        var when = new RouteCondition { Countries = ["cn", "HK"] };

        Assert.True(Matches(when, Request(country: "CN")));
        Assert.True(Matches(when, Request(country: "HK")));
        Assert.False(Matches(when, Request(country: "US")));
        Assert.False(Matches(when, Request(country: null)));
    }

    [Fact]
    public void Regions_match_and_an_unknown_region_does_not()
    {
        var when = new RouteCondition { Regions = ["CN-GD"] };

        Assert.True(Matches(when, Request(region: "cn-gd")));
        Assert.False(Matches(when, Request(region: "CN-SH")));
        Assert.False(Matches(when, Request(region: null)));
    }

    [Fact]
    public void Terminals_match()
    {
        var when = new RouteCondition { Terminals = [TerminalType.StoreCode, TerminalType.Till] };

        Assert.True(Matches(when, Request(terminal: TerminalType.Till)));
        Assert.False(Matches(when, Request(terminal: TerminalType.Online)));
    }

    [Theory]
    [InlineData(8, 59, false)]
    [InlineData(9, 0, true)]
    [InlineData(17, 59, true)]
    [InlineData(18, 0, false)]
    public void A_time_window_includes_its_start_and_excludes_its_end(int hour, int minute, bool matches)
    {
        var when = new RouteCondition { Between = new TimeWindow(new TimeOnly(9, 0), new TimeOnly(18, 0)) };

        Assert.Equal(matches, Matches(when, Request(at: At(hour, minute))));
    }

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(23, 59, true)]
    [InlineData(0, 0, true)]
    [InlineData(5, 59, true)]
    [InlineData(6, 0, false)]
    [InlineData(12, 0, false)]
    public void A_window_ending_before_it_starts_spans_midnight(int hour, int minute, bool matches)
    {
        var when = new RouteCondition { Between = new TimeWindow(new TimeOnly(22, 0), new TimeOnly(6, 0)) };

        Assert.Equal(matches, Matches(when, Request(at: At(hour, minute))));
    }

    [Fact]
    public void The_time_window_reads_the_policy_clock_not_the_requests_offset()
    {
        var night = new RouteCondition { Between = new TimeWindow(new TimeOnly(22, 0), new TimeOnly(6, 0)) };
        var beijing = Policy(rules: Rule("night", night, Candidate(A))) with { UtcOffset = TimeSpan.FromHours(8) };

        // 15:00 UTC is 23:00 in Beijing; the request carries a New York offset, which must not matter.
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal("night", Router.Decide(beijing, Request(at: at), NoHistory).Rule);
        Assert.Null(Router.Decide(beijing with { UtcOffset = TimeSpan.Zero }, Request(at: at), NoHistory).Rule);
    }

    [Fact]
    public void Every_part_of_a_condition_must_match()
    {
        var when = new RouteCondition { Methods = [Method], Currencies = ["CNY"], Countries = ["CN"], Terminals = [TerminalType.Till] };

        Assert.True(Matches(when, Request(terminal: TerminalType.Till)));
        Assert.False(Matches(when, Request(terminal: TerminalType.Online)));
        Assert.False(Matches(when, Request(terminal: TerminalType.Till, country: "HK")));
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 3, 2, hour, minute, 0, TimeSpan.Zero);

    private static bool Matches(RouteCondition when, RouteRequest request) =>
        Router.Decide(Policy(rules: Rule("rule", when, Candidate(A))), request, NoHistory).Rule == "rule";
}
