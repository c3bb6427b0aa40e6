using PayFunctions.LocalHost;

namespace PayFunctions.Core.Tests.Hosts;

public sealed class ChannelQueuePollingTests
{
    [Fact]
    public void EmptyPolls_DoubleThePause_UpToTheLongest()
    {
        var pauses = new List<TimeSpan> { StorageQueueChannelWorker.ShortestPause };
        for (var poll = 0; poll < 6; poll++)
        {
            pauses.Add(StorageQueueChannelWorker.NextPause(pauses[^1]));
        }

        Assert.Equal(
            [250, 500, 1000, 2000, 2000, 2000, 2000],
            pauses.Select(p => p.TotalMilliseconds));
    }
}
