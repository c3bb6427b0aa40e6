using PayFunctions.Core.Webhooks;

namespace PayFunctions.Core.Tests.Webhooks;

public sealed class WebhookUrlPolicyTests
{
    [Theory]
    [InlineData("https://hooks.example.com/payfunctions")]
    [InlineData("https://hooks.example.com:8443/a?b=c")]
    [InlineData("https://93.184.215.14/hook")]
    [InlineData("https://[2606:4700:4700::1111]/hook")]
    [InlineData("https://xn--bcher-kva.example/hook")]
    public void Check_AcceptsPublicHttpsUrls(string url) => Assert.Null(WebhookUrlPolicy.Check(url, allowPrivateNetworks: false));

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://files.example.com/")]
    [InlineData("http://hooks.example.com/")]
    [InlineData("https://user:secret@hooks.example.com/")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://LOCALHOST./hook")]
    [InlineData("https://api.localhost/hook")]
    [InlineData("https://intranet/hook")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("https://printer.local/")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://168.63.129.16/machine")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://[::ffff:a9fe:a9fe]/hook")]
    [InlineData("https://[fd00:ec2::254]/latest/meta-data/")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://255.255.255.255/hook")]
    public void Check_RefusesObviouslyBadUrls(string url) => Assert.NotNull(WebhookUrlPolicy.Check(url, allowPrivateNetworks: false));

    // Literal forms that Uri normalises to a dotted quad (decimal, hex and octal, whole or in parts)
    // are judged as the address they become, never as a host name.
    [Theory]
    [InlineData("https://2130706433/hook", "127.0.0.1")]
    [InlineData("https://0x7f000001/hook", "127.0.0.1")]
    [InlineData("https://0x7f.0.0.1/hook", "127.0.0.1")]
    [InlineData("https://0177.0.0.1/hook", "127.0.0.1")]
    [InlineData("https://127.1/hook", "127.0.0.1")]
    [InlineData("https://2852039166/latest/meta-data/", "169.254.169.254")]
    [InlineData("https://0xa9.0xfe.0xa9.0xfe/latest/meta-data/", "169.254.169.254")]
    [InlineData("https://0251.0376.0251.0376/latest/meta-data/", "169.254.169.254")]
    public void Check_RefusesIPv4LiteralsInEveryNotation(string url, string dotted)
    {
        var uri = new Uri(url);
        Assert.Equal(UriHostNameType.IPv4, uri.HostNameType);
        Assert.Equal(dotted, uri.Host);

        Assert.NotNull(WebhookUrlPolicy.Check(url, allowPrivateNetworks: false));
    }

    [Fact]
    public void Check_RefusesOverlongUrls() =>
        Assert.NotNull(WebhookUrlPolicy.Check("https://hooks.example.com/" + new string('a', WebhookUrlPolicy.MaxLength), allowPrivateNetworks: false));

    [Theory]
    [InlineData("http://127.0.0.1:7080/sandbox/webhooks/demo")]
    [InlineData("http://localhost:7080/hook")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("http://sink/hook")]
    public void Check_WithPrivateNetworksAllowed_AcceptsTheDevelopmentSink(string url) =>
        Assert.Null(WebhookUrlPolicy.Check(url, allowPrivateNetworks: true));

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://2852039166/latest/meta-data/")]
    [InlineData("http://[fd00:ec2::254]/")]
    [InlineData("http://168.63.129.16/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("ftp://127.0.0.1/")]
    public void Check_WithPrivateNetworksAllowed_StillRefusesMetadataAndLinkLocal(string url) =>
        Assert.NotNull(WebhookUrlPolicy.Check(url, allowPrivateNetworks: true));
}
