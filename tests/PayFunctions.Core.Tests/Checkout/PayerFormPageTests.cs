using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Checkout;

namespace PayFunctions.Core.Tests.Checkout;

public sealed partial class PayerFormPageTests
{
    private static readonly PayerForm Form = new(
        "https://gateway.example/gateway/api/frontTransReq.do",
        new Dictionary<string, string> { ["frontUrl"] = "https://shop.example/r?a=1&b=\"><script>alert(1)</script>", ["signature"] = "ab+/=" });

    [Fact]
    public async Task The_page_posts_every_field_encoded_and_may_post_only_to_the_channel_besides_itself()
    {
        var target = PayerFormPage.Target(Form)!;
        var (html, headers) = await ExecuteAsync(PayerFormPage.Render(Form, target, CashierText.English));

        Assert.Contains("""<form id="payer-form" method="post" action="https://gateway.example/gateway/api/frontTransReq.do" accept-charset="UTF-8">""", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("""name="frontUrl" value="https://shop.example/r?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">""", html, StringComparison.Ordinal);
        Assert.Contains("""name="signature" value="ab&#x2B;/=">""", html, StringComparison.Ordinal);
        Assert.Matches(@"<noscript><button class=""button"" type=""submit"">", html);

        var csp = headers.ContentSecurityPolicy.ToString();
        Assert.Contains("form-action 'self' https://gateway.example;", csp, StringComparison.Ordinal);
        var nonce = Nonce().Match(csp).Groups[1].Value;
        Assert.Contains($"""<script nonce="{nonce}">document.getElementById("payer-form").submit();</script>""", html, StringComparison.Ordinal);
        Assert.Equal("no-store", headers.CacheControl.ToString());
        Assert.Equal("DENY", headers.XFrameOptions.ToString());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("/relative")]
    public void A_target_that_is_not_a_web_address_is_not_posted_to(string action) =>
        Assert.Null(PayerFormPage.Target(Form with { Action = action }));

    private static async Task<(string Html, IHeaderDictionary Headers)> ExecuteAsync(CashierHtml page)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await page.ExecuteAsync(context);
        return (System.Text.Encoding.UTF8.GetString(body.ToArray()), context.Response.Headers);
    }

    [GeneratedRegex("script-src 'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
