namespace PayFunctions.Channels.Tests;

public sealed class ChannelUrlsTests
{
    [Theory]
    [InlineData("https://api.example.test/v1/x?y=1", "https://api.example.test/v1/x?y=1")]
    [InlineData("https://bücher.example/v1/", "https://xn--bcher-kva.example/v1/")]
    public void AWellFormedAbsoluteUrl_IsParsed(string text, string idnForm)
    {
        Assert.True(ChannelUrls.TryParseHttpUrl(text, out var url));
        Assert.Equal(idnForm, new UriBuilder(url) { Host = url.IdnHost }.Uri.AbsoluteUri);
    }

    [Fact]
    public void AHostWithAnUnpairedSurrogate_OrAPathOrAnotherSchemeOrNothing_IsRefused_WithoutThrowing()
    {
        // Built here rather than passed as test data, which would replace the lone surrogate on its way to the test.
        foreach (var text in new[] { "https://api.example\udfff.test/v1/", "https://\ud800/", "/etc/passwd", "file:///etc/passwd", "ftp://example.test/x", "", null })
        {
            Assert.False(ChannelUrls.TryParseHttpUrl(text, out var url));
            Assert.Null(url);
        }
    }
}
