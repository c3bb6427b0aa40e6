using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ChannelSandbox.Tests.UnionPay;

/// <summary>The online gateway page: the browser posts the signed form, pays, and is sent back to frontUrl with the signed result.</summary>
public sealed partial class FrontGatewayTests(UnionPaySandboxHost sandbox) : IClassFixture<UnionPaySandboxHost>
{
    [Fact]
    public async Task The_payer_pays_on_the_page_and_the_browser_posts_the_signed_result_to_frontUrl()
    {
        await using var listener = await NotifyListener.StartAsync(200);
        var orderId = UnionPayMerchant.NewOrderId();
        var fields = UnionPayMerchant.Fields("01", "01", orderId, UnionPayMerchant.ChinaNow());
        fields["bizType"] = "000201";
        fields["channelType"] = "07";
        fields["txnAmt"] = "880";
        fields["currencyCode"] = "156";
        fields["frontUrl"] = "https://shop.example.com/paid?o=1&x=<b>";
        fields["backUrl"] = listener.Url;

        using var page = await sandbox.Client.PostAsync("/gateway/api/frontTransReq.do", new FormUrlEncodedContent(sandbox.Merchant.Sign(fields)));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("¥8.80", html, StringComparison.Ordinal);
        var action = FormAction().Match(html).Groups[1].Value;

        using var paid = await sandbox.Client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["result"] = "success" }));
        var back = await paid.Content.ReadAsStringAsync();

        Assert.Contains("action=\"https://shop.example.com/paid?o=1&amp;x=&lt;b&gt;\"", back, StringComparison.Ordinal);
        var result = HiddenInput().Matches(back).ToDictionary(
            match => WebUtility.HtmlDecode(match.Groups[1].Value), match => WebUtility.HtmlDecode(match.Groups[2].Value), StringComparer.Ordinal);
        Assert.True(sandbox.Merchant.IsFromUnionPay(result));
        Assert.Equal("00", result["respCode"]);
        Assert.Equal(orderId, result["orderId"]);
        Assert.Equal(880, long.Parse(result["txnAmt"], CultureInfo.InvariantCulture));
        Assert.Single(await listener.WaitForAsync(1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_form_not_signed_by_the_merchant_shows_an_error_page()
    {
        var fields = UnionPayMerchant.Fields("01", "01", UnionPayMerchant.NewOrderId(), UnionPayMerchant.ChinaNow());
        fields["certId"] = UnionPayMerchant.CertId;
        fields["signature"] = "AAAA";

        using var page = await sandbox.Client.PostAsync("/gateway/api/frontTransReq.do", new FormUrlEncodedContent(fields));

        Assert.Contains("11 验证签名失败", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"><input type=\"hidden\" name=\"result\" value=\"success\">")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}
