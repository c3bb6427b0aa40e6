using System.Net;
using System.Text.RegularExpressions;

namespace PayFunctions.IntegrationTests.Channels;

/// <summary>
/// The payer's browser on UnionPay's online gateway: opens the platform's page behind <c>redirect_to_url</c>, posts its
/// form to UnionPay as a browser would, pays on UnionPay's page and is sent back to <c>frontUrl</c> by a signed form:
/// the platform's return, which sends the payer on to the merchant's <c>return_url</c> with a GET.
/// </summary>
internal static partial class UnionPayGatewayPayer
{
    public static async Task PayAsync(PlatformFixture platform, string id, Uri redirect)
    {
        Assert.Equal(platform.Api.BaseAddress!.Authority, redirect.Authority);
        Assert.Equal($"/api/checkout/{id}/redirect", redirect.AbsolutePath);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var page = await browser.GetAsync(redirect);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        var (action, fields) = Form(html, "payer-form");
        Assert.Equal(new Uri(platform.Sandbox.BaseAddress!, "gateway/api/frontTransReq.do"), action);
        Assert.Contains($"form-action 'self' {platform.Sandbox.BaseAddress!.GetLeftPart(UriPartial.Authority)};", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(("01", "01", "000201"), (fields["txnType"], fields["txnSubType"], fields["bizType"]));
        var frontUrl = new Uri(fields["frontUrl"]);
        Assert.Equal(platform.Api.BaseAddress!.Authority, frontUrl.Authority);
        Assert.Equal($"/api/checkout/{id}", frontUrl.AbsolutePath);
        Assert.Equal(new Uri(platform.Api.BaseAddress!, "api/notify/unionpay").AbsoluteUri, fields["backUrl"]);

        using var unionPay = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
        var cashier = await unionPay.Content.ReadAsStringAsync();
        Assert.True(unionPay.StatusCode == HttpStatusCode.OK, cashier);
        Assert.Contains("银联在线支付", cashier, StringComparison.Ordinal);

        using var paid = await browser.PostAsync(
            new Uri(platform.Sandbox.BaseAddress!, $"sandbox/unionpay/front/{fields["orderId"]}/pay"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["result"] = "success" }));
        var (back, result) = Form(await paid.Content.ReadAsStringAsync(), "back");
        Assert.Equal(frontUrl, back);
        Assert.Equal(("00", fields["orderId"]), (result["respCode"], result["orderId"]));

        // The merchant's page is reached with a GET, whatever UnionPay posted.
        using var returned = await browser.PostAsync(back, new FormUrlEncodedContent(result));
        Assert.Equal(HttpStatusCode.SeeOther, returned.StatusCode);
        Assert.Equal(ChannelFlow.ReturnUrl, returned.Headers.Location!.AbsoluteUri);
    }

    /// <summary>The action and hidden fields of the form <paramref name="id"/>, decoded as a browser reads them.</summary>
    public static (Uri Action, Dictionary<string, string> Fields) Form(string html, string id)
    {
        var form = FormElement().Matches(html).Single(m => m.Groups["id"].Value == id);
        var fields = HiddenInput().Matches(form.Groups["body"].Value)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        return (new Uri(WebUtility.HtmlDecode(form.Groups["action"].Value)), fields);
    }

    [GeneratedRegex("""<form id="(?<id>[^"]*)" method="post" action="(?<action>[^"]*)"[^>]*>(?<body>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();
}
