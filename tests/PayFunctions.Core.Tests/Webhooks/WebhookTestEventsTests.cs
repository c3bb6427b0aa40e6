using Microsoft.Extensions.Time.Testing;
using PayFunctions.Core.Webhooks;

namespace PayFunctions.Core.Tests.Webhooks;

public sealed class WebhookTestEventsTests
{
    [Fact]
    public void A_later_test_event_sorts_before_an_earlier_one_as_the_delivery_log_reads()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var earlier = WebhookTestEvents.NewId(time);
        time.Advance(TimeSpan.FromSeconds(1));
        var later = WebhookTestEvents.NewId(time);

        Assert.True(string.CompareOrdinal(later, earlier) < 0);
        Assert.True(WebhookTestEvents.IsEventId(later));
        Assert.EndsWith("_test", later, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evt_000000000000abcdefghijkl_succeeded", true)]
    [InlineData("evt_000000000000abcdefghijkl_refund_succeeded", true)]
    [InlineData("evt_000000000000abcdefghijkl", false)]
    [InlineData("evt_000000000000abcdefghijkl_", false)]
    [InlineData("evt_000000000000ABCDEFGHIJKL_test", false)]
    [InlineData("evt_000000000000abcdefghijkl_te'st", false)]
    [InlineData("pay_000000000000abcdefghijkl_test", false)]
    [InlineData("evt_000000000000abcdefghijkl_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("", false)]
    public void Only_the_shape_of_an_event_id_passes(string id, bool valid) => Assert.Equal(valid, WebhookTestEvents.IsEventId(id));
}
