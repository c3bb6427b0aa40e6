namespace PayFunctions.Channels.Tests.WeChatPay;

/// <summary>A clock that reads what the test sets.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
