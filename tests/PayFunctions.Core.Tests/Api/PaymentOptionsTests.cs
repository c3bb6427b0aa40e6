using PayFunctions.Core.Payments;

namespace PayFunctions.Core.Tests.Api;

public sealed class PaymentOptionsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("00:00:04", true)]
    [InlineData("00:00:45", true)]
    [InlineData("00:10:00", true)]
    [InlineData("00:00:03", false)]
    [InlineData("00:10:01", false)]
    [InlineData("-00:00:30", false)]
    public void BarcodeConfirmWindow_IsBounded(string? window, bool valid) =>
        Assert.Equal(valid, new PaymentOptions { BarcodeConfirmWindow = window is null ? null : TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) }.IsValid());
}
