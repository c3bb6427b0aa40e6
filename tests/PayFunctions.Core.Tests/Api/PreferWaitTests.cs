using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.Tests.Api;

public sealed class PreferWaitTests
{
    [Theory]
    [InlineData(null, 20, null)]
    [InlineData("wait=0", 0, "wait=0")]
    [InlineData("wait=5", 5, "wait=5")]
    [InlineData("WAIT = \"7\"", 7, "wait=7")]
    [InlineData("wait=600", 30, "wait=30")]
    [InlineData("respond-async", 0, "respond-async")]
    [InlineData("respond-async, wait=10", 10, "wait=10")]
    [InlineData("return=minimal; foo=bar, wait=3;x=y", 3, "wait=3")]
    [InlineData("wait=4, wait=9", 4, "wait=4")]
    [InlineData("wait=-1", 20, null)]
    [InlineData("wait=soon", 20, null)]
    [InlineData("wait=99999999999999999999", 20, null)]
    public void Read_FollowsRfc7240_AndCapsTheWait(string? prefer, int seconds, string? applied)
    {
        var context = new DefaultHttpContext();
        if (prefer is not null)
        {
            context.Request.Headers["Prefer"] = prefer;
        }

        var read = PreferWait.Read(context.Request);

        Assert.Equal(TimeSpan.FromSeconds(seconds), read.Wait);
        Assert.Equal(applied, read.Applied);
    }

    [Fact]
    public void Read_TakesTheFirstWaitAcrossRepeatedHeaders()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Append("Prefer", "wait=2");
        context.Request.Headers.Append("Prefer", "wait=8");

        Assert.Equal(TimeSpan.FromSeconds(2), PreferWait.Read(context.Request).Wait);
    }
}
