using PayFunctions.Core.Routing;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Tests.Routing;

public sealed class HealthStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_account_is_down_with_an_open_circuit_degraded_when_failing_or_slow_and_up_otherwise()
    {
        Assert.Equal(HealthStatus.Up, HealthStatus.OfAccount(Health(successes: 50, failures: 2), Now));
        Assert.Equal(HealthStatus.Up, HealthStatus.OfAccount(Health(successes: 0, failures: 0), Now));
        Assert.Equal(HealthStatus.Degraded, HealthStatus.OfAccount(Health(successes: 30, failures: 20), Now));
        Assert.Equal(HealthStatus.Degraded, HealthStatus.OfAccount(Health(successes: 50, failures: 0) with { LatencyP95 = TimeSpan.FromSeconds(4) }, Now));
        Assert.Equal(HealthStatus.Down, HealthStatus.OfAccount(Health(successes: 50, failures: 0) with { CircuitOpen = true }, Now));
    }

    [Fact]
    public void A_channel_is_out_only_when_every_account_is_down()
    {
        Assert.Equal(HealthStatus.Operational, HealthStatus.OfChannel([HealthStatus.Up, HealthStatus.Up]));
        Assert.Equal(HealthStatus.Degraded, HealthStatus.OfChannel([HealthStatus.Up, HealthStatus.Down]));
        Assert.Equal(HealthStatus.Degraded, HealthStatus.OfChannel([HealthStatus.Degraded]));
        Assert.Equal(HealthStatus.Outage, HealthStatus.OfChannel([HealthStatus.Down, HealthStatus.Down]));
        Assert.Null(HealthStatus.OfChannel([]));
    }

    [Fact]
    public void The_status_page_encodes_what_it_shows()
    {
        var page = StatusPageHtml.Render([new StatusLine("x_pay", "<b>X</b> & Co", HealthStatus.Outage)], Now);

        Assert.Contains("&lt;b&gt;X&lt;/b&gt; &amp; Co", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"outage\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 10:00:00 UTC", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Html, StringComparison.Ordinal);
    }

    private static AccountHealth Health(double successes, double failures) =>
        new(new SuccessEstimate(successes, failures, Now), false, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), default, Now);
}
