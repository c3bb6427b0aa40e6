using System.Net.Http.Headers;
using PayFunctions.Infrastructure;

namespace PayFunctions.Tests;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1.0)]
    [InlineData(2, 2.0)]
    [InlineData(3, 4.0)]
    [InlineData(4, 8.0)]
    [InlineData(5, 8.0)]
    [InlineData(40, 8.0)]
    public void Backoff_is_the_capped_exponential_scaled_by_half_to_full(int retry, double ceilingSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds / 2), RetryPolicy.Backoff(retry, 0.0));
        foreach (var random in new[] { 0.0, 0.25, 0.5, 0.75, 0.999999 })
        {
            Assert.InRange(
                RetryPolicy.Backoff(retry, random),
                TimeSpan.FromSeconds(ceilingSeconds / 2),
                TimeSpan.FromSeconds(ceilingSeconds));
        }
    }

    [Fact]
    public void Retry_After_reads_seconds_and_dates_and_caps_them()
    {
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        Assert.Null(RetryPolicy.RetryAfter(null, now));
        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), now));
        Assert.Equal(TimeSpan.FromSeconds(60), RetryPolicy.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3600)), now));
        Assert.Equal(TimeSpan.FromSeconds(20), RetryPolicy.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(20)), now));
        Assert.Equal(TimeSpan.Zero, RetryPolicy.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(-20)), now));
    }

    [Theory]
    [InlineData(429, null, true)]
    [InlineData(500, null, true)]
    [InlineData(503, "unavailable", true)]
    [InlineData(409, "idempotency_key_in_use", true)]
    [InlineData(409, "payment_unexpected_state", false)]
    [InlineData(400, "parameter_invalid", false)]
    [InlineData(404, "resource_missing", false)]
    public void Only_answers_that_may_succeed_unchanged_are_retried(int status, string? code, bool retried) =>
        Assert.Equal(retried, RetryPolicy.IsRetryable(status, code));
}
