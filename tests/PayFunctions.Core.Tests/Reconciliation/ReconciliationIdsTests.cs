using PayFunctions.Core.Reconciliation;

namespace PayFunctions.Core.Tests.Reconciliation;

public sealed class ReconciliationIdsTests
{
    [Theory]
    [InlineData("wechat_pay", "main")]
    [InlineData("alipay", "plus-1")]
    [InlineData("alipay_plus", "hk")]
    public void ARunId_ParsesBackToItsChannelAccountAndDay(string channel, string account)
    {
        var day = new DateOnly(2026, 11, 29);

        Assert.True(ReconciliationIds.TryParseRun(ReconciliationIds.Run(channel, account, day), out var parsedDay, out var parsedChannel, out var parsedAccount));

        Assert.Equal((day, channel, account), (parsedDay, parsedChannel, parsedAccount));
    }

    [Theory]
    [InlineData("recon_20261129_nochannel_main")]
    [InlineData("recon_20261129_wechat_pay_Main")]
    [InlineData("recon_20261129_wechat_pay_")]
    [InlineData("recon_20261329_wechat_pay_main")]
    [InlineData("recon_19991231_wechat_pay_main")]
    [InlineData("recon_2026112_wechat_pay_main")]
    [InlineData("rdif_20261129_wechat_pay_main")]
    [InlineData("")]
    public void AMalformedRunId_DoesNotParse(string id) => Assert.False(ReconciliationIds.TryParseRun(id, out _, out _, out _));

    [Fact]
    public void ADifferenceId_ParsesBackToItsDayAndHash()
    {
        var hash = new string('a', 16) + new string('7', 16);

        Assert.True(ReconciliationIds.TryParseDifference(ReconciliationIds.Difference(new DateOnly(2026, 1, 2), hash), out var day, out var parsed));

        Assert.Equal((new DateOnly(2026, 1, 2), hash), (day, parsed));
    }

    [Theory]
    [InlineData("rdif_20260102_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("rdif_20260102_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("rdif_20260102-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("rdif_20261302_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("recon_20260102_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void AMalformedDifferenceId_DoesNotParse(string id) => Assert.False(ReconciliationIds.TryParseDifference(id, out _, out _));

    [Fact]
    public void DayPartitions_SortNewestDayFirst() =>
        Assert.True(string.CompareOrdinal(ReconciliationIds.DayPartition(new DateOnly(2026, 3, 2)), ReconciliationIds.DayPartition(new DateOnly(2026, 3, 1))) < 0);
}
