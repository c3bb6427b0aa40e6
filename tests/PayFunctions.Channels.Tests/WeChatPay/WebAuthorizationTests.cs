namespace PayFunctions.Channels.Tests.WeChatPay;

/// <summary>The official account's web authorization (snsapi_base): the documented link, and the code exchange's answers.</summary>
public sealed class WebAuthorizationTests : IDisposable
{
    private readonly TestAccount _account = new(o =>
    {
        o.OAuthPageBaseUrl = new Uri("https://oauth.test");
        o.OAuthApiBaseUrl = new Uri("https://sns.test");
    });

    public void Dispose() => _account.Dispose();

    [Fact]
    public void The_link_is_the_documented_one_with_its_parameters_in_order()
    {
        var link = _account.Client.AuthorizeUrl(new Uri("https://pay.example.com/api/s/c0de/authorized"), "St4te");

        Assert.Equal(
            "https://oauth.test/connect/oauth2/authorize?appid=wxd678efh567hg6787&redirect_uri=https%3A%2F%2Fpay.example.com%2Fapi%2Fs%2Fc0de%2Fauthorized"
            + "&response_type=code&scope=snsapi_base&state=St4te#wechat_redirect",
            link.AbsoluteUri);
    }

    [Theory]
    [InlineData("with-dash")]
    [InlineData("a b")]
    public void A_state_wechat_would_not_carry_is_refused(string state) =>
        Assert.Throws<ArgumentException>(() => _account.Client.AuthorizeUrl(new Uri("https://pay.example.com/cb"), state));

    [Fact]
    public async Task The_code_exchange_sends_the_documented_query_and_answers_the_openid()
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, """{"access_token":"ACCESS_TOKEN","expires_in":7200,"refresh_token":"REFRESH_TOKEN","openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","scope":"snsapi_base"}""");

        var openId = await _account.Client.PayerIdAsync("0a1B2c", CancellationToken.None);

        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", openId);
        var request = Assert.Single(_account.Handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(
            "https://sns.test/sns/oauth2/access_token?appid=wxd678efh567hg6787&secret=" + TestAccount.AppSecret + "&code=0a1B2c&grant_type=authorization_code",
            request.Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("""{"errcode":40029,"errmsg":"invalid code, rid: 1"}""", "40029", false)]
    [InlineData("""{"errcode":40163,"errmsg":"code been used, rid: 1"}""", "40163", false)]
    [InlineData("""{"errcode":-1,"errmsg":"system error"}""", "-1", true)]
    [InlineData("""{"access_token":"T","openid":"not an openid"}""", "OAUTH_ANSWER_MALFORMED", false)]
    [InlineData("""{"access_token":"T"}""", "OAUTH_ANSWER_MALFORMED", false)]
    [InlineData("<html>", "OAUTH_ANSWER_MALFORMED", false)]
    public async Task A_refusal_or_an_unusable_answer_is_a_channel_exception(string body, string code, bool transient)
    {
        _account.Handler.Respond = _ => new FakeAnswer(200, body);

        var refused = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PayerIdAsync("c", CancellationToken.None));

        Assert.Equal(code, refused.Code);
        Assert.Equal(transient, refused.IsTransient);
        Assert.DoesNotContain(TestAccount.AppSecret, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_is_transient()
    {
        _account.Handler.Respond = _ => new FakeAnswer(503, "");

        var failed = await Assert.ThrowsAsync<ChannelException>(() => _account.Client.PayerIdAsync("c", CancellationToken.None));

        Assert.True(failed.IsTransient);
        Assert.Equal(503, failed.HttpStatus);
    }
}
