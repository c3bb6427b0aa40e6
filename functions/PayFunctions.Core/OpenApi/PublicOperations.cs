using System.Text.Json.Nodes;
using PayFunctions.Core.Checkout;
using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.OpenApi;

/// <summary>
/// The routes without credentials: the payers' pages, the channels' callbacks, the token endpoint, the consoles and
/// the platform's own. They are in the merchant's description, filed so that no merchant takes a page for an API.
/// </summary>
internal static class PublicOperations
{
    private static readonly ApiParameter Token = new("token", "The payment's cashier token, from its `checkout_url`.", "ct_example");
    private static readonly ApiContent Page = ApiContent.Html("<!doctype html>");
    private static readonly ApiContent SeeOther = ApiContent.Html("");
    /// <summary>
    /// A token for the key of <see cref="ApiExamples.ApiKeyId"/>: header <c>{"alg":"ES256","kid":…,"typ":"at+jwt"}</c>,
    /// claims <c>sub</c> (the merchant), <c>client_id</c>, <c>scope</c>, <c>jti</c>, <c>exp</c>, <c>iss</c> and <c>aud</c>.
    /// </summary>
    private const string AccessToken =
        "eyJhbGciOiJFUzI1NiIsImtpZCI6IjRhY2M1YWQxNjFjYmMxOTVkMmM2NDVlMGIwM2IyNGNmIiwidHlwIjoiYXQrand0In0."
        + "eyJzdWIiOiJtY2hfazdkMnE5eDRtMXY4YzNiNSIsImNsaWVudF9pZCI6ImtleV8wbXpxN2syYzR2OXgxYjNuNW03cDlyMXQiLCJzY29wZSI6InJlYWQiLCJqdGkiOiI1ZjBjMmE5ZThiN2Q0YzZmYTFlM2I1ZDdjOWYxYTJiNCIsImV4cCI6MTc2NzYwMTgwMCwiaXNzIjoiaHR0cHM6Ly9wYXltZW50cy5leGFtcGxlIiwiYXVkIjoicGF5ZnVuY3Rpb25zLWFwaSJ9."
        + "CzBVep_E6Q4zWH2ix-wRNluApcrvFDleg6jN8hc8YYar0PUaP2SJrtP4HUJnjLHW-yBFao-02f4jSG2St9wBJg";

    public static IReadOnlyDictionary<string, ApiOperation> All { get; } = new Dictionary<string, ApiOperation>(StringComparer.Ordinal)
    {
        ["Health"] = new(ApiTags.Platform, "Health") { Response = ApiContent.Json<HealthEndpoint.HealthStatus>("""{"status":"ok"}""") },
        ["StatusPage"] = new(ApiTags.Platform, "The public status page") { Description = "Each channel's state, as payers see it.", Response = Page },
        ["GetOpenApiDocument"] = new(ApiTags.Platform, "This description")
        {
            Description = "The OpenAPI 3.1 description of the merchant API. Cacheable: send `If-None-Match` with its `ETag`.",
            Response = DocumentOf("PayFunctions merchant API"),
            OtherResponses = new Dictionary<int, ApiContent> { [304] = SeeOther },
        },
        ["GetOperatorOpenApiDocument"] = new(ApiTags.Platform, "The operator API's description")
        {
            Description = "The OpenAPI 3.1 description of the operator API. Cacheable: send `If-None-Match` with its `ETag`.",
            Response = DocumentOf("PayFunctions operator API"),
            OtherResponses = new Dictionary<int, ApiContent> { [304] = SeeOther },
        },
        ["ApiReference"] = new(ApiTags.Platform, "This description, rendered") { Description = "The merchant API's reference, for reading in a browser.", Response = Page },
        ["OperatorApiReference"] = new(ApiTags.Platform, "The operator API's description, rendered") { Response = Page },
        ["ApiReferenceAsset"] = new(ApiTags.Platform, "A reference page's script or style")
        {
            Response = ApiContent.Binary("*/*"),
            OtherResponses = new Dictionary<int, ApiContent> { [304] = SeeOther },
            PathExample = "reference.js",
        },
        ["ChannelNotify"] = new(ApiTags.ChannelCallbacks, "A channel's notification")
        {
            Description = "Each channel posts its payment and refund results here in its own protocol and signature, and gets its own reply: "
                + "success, or the failure status and body its protocol uses for a request it refuses (a bad signature, an unknown order). "
                + "The signature and the amount are verified over the raw body before anything changes.",
            Request = ApiContent.Text("*/*", "{}"),
            Response = ApiContent.Text("*/*", "success"),
            OtherResponses = new Dictionary<int, ApiContent>
            {
                [400] = ApiContent.Text("*/*", "FAIL"),
                [401] = ApiContent.Text("*/*", "FAIL"),
            },
            PathExample = ApiExamples.Channel,
        },
        ["CheckoutPage"] = new(ApiTags.PayerPages, "The hosted cashier page")
        {
            Response = Page,
            OtherResponses = new Dictionary<int, ApiContent> { [404] = Page },
            Query = [Token],
            PathExample = ApiExamples.PaymentId,
        },
        ["CheckoutStatus"] = new(ApiTags.PayerPages, "The cashier page's view of its payment")
        {
            Description = "What the page polls while the payer pays.",
            Response = ApiContent.Json<CheckoutEndpoints.CheckoutStatus>("""{"status":"requires_action","state":"action"}"""),
            Query = [Token],
            PathExample = ApiExamples.PaymentId,
        },
        ["CheckoutChooseMethod"] = new(ApiTags.PayerPages, "The payer picks a method")
        {
            Request = ApiContent.Form(Form("token", "method", "lang"), new JsonObject { ["token"] = "ct_example", ["method"] = ApiExamples.Method }),
            Status = 303,
            Response = SeeOther,
            OtherResponses = new Dictionary<int, ApiContent> { [400] = Page, [404] = Page },
            PathExample = ApiExamples.PaymentId,
        },
        ["CheckoutRedirect"] = new(ApiTags.PayerPages, "On to the channel's page")
        {
            Response = Page,
            OtherResponses = new Dictionary<int, ApiContent> { [303] = SeeOther, [404] = Page },
            Query = [Token],
            PathExample = ApiExamples.PaymentId,
        },
        ["CheckoutReturn"] = new(ApiTags.PayerPages, "Where a channel returns the payer")
        {
            Description = "On to the merchant's `return_url` for a payment the merchant's own page started, else to the cashier page.",
            Status = 303,
            Response = SeeOther,
            OtherResponses = new Dictionary<int, ApiContent> { [404] = Page },
            Query = [Token, new("to", "`return_url` to go on to the stored return address.", "return_url")],
            PathExample = ApiExamples.PaymentId,
        },
        ["StoreCodePage"] = new(ApiTags.PayerPages, "A store code's page")
        {
            Description = "Where a payer lands after scanning the store's code: enter the amount (or see the fixed one) and pay.",
            Response = Page,
            OtherResponses = new Dictionary<int, ApiContent> { [404] = Page },
            PathExample = ApiExamples.StoreCode,
        },
        ["StoreCodePay"] = new(ApiTags.PayerPages, "Pay at a store")
        {
            Request = ApiContent.Form(Form("nonce", "amount", "lang"), new JsonObject { ["nonce"] = "example", ["amount"] = "15.00" }),
            Status = 303,
            Response = SeeOther,
            OtherResponses = new Dictionary<int, ApiContent> { [200] = Page, [400] = Page, [404] = Page },
            PathExample = ApiExamples.StoreCode,
        },
        ["StoreCodeAuthorized"] = new(ApiTags.PayerPages, "Where a wallet returns the payer it signed in")
        {
            Response = Page,
            OtherResponses = new Dictionary<int, ApiContent> { [400] = Page, [404] = Page, [502] = Page },
            Query = [new("code", "The wallet's sign-in code.", "example"), new("state", "The state the platform sent.", "example")],
            PathExample = ApiExamples.StoreCode,
        },
        ["IssueToken"] = new(ApiTags.Authentication, "Issue an access token")
        {
            Description = "OAuth 2.0 client credentials (RFC 6749 §4.4): the client is a key (its id and secret) or an operator. "
                + "Client authentication by HTTP Basic or the form's fields; errors are OAuth's JSON.",
            Request = ApiContent.Form(
                Form("grant_type", "client_id", "client_secret", "scope"),
                new JsonObject { ["grant_type"] = "client_credentials", ["client_id"] = ApiExamples.ApiKeyId, ["client_secret"] = "sk_test_example", ["scope"] = ApiScopes.Read }),
            Response = ApiContent.Json<TokenEndpoint.TokenResponse>($$"""{"access_token":"{{AccessToken}}","token_type":"Bearer","expires_in":900,"scope":"{{ApiScopes.Read}}"}"""),
            OtherResponses = new Dictionary<int, ApiContent>
            {
                [400] = ApiContent.Json<TokenEndpoint.TokenError>(),
                [401] = ApiContent.Json<TokenEndpoint.TokenError>(),
            },
        },
        ["GetTokenKeys"] = new(ApiTags.Authentication, "The keys tokens are signed with")
        {
            Description = "A JSON Web Key Set (RFC 7517) of the current signing key and those signed or verified with within a token's lifetime.",
            Response = ApiContent.Json<TokenEndpoint.JsonWebKeySet>(
                """
                {"keys":[{"kty":"EC","crv":"P-256","x":"ZP7vhwnqzI76sqouRUHsqSyFjy94Rn5CGcXZ7eE6D5U","y":"HcFhFS2CDp-AzNAroVa4T3n2n5FQDa_yi6WQFbU7TiU",
                "kid":"4acc5ad161cbc195d2c645e0b03b24cf","use":"sig","alg":"ES256"}]}
                """),
        },
        ["MerchantConsole"] = new(ApiTags.Consoles, "The merchant console") { Response = Page },
        ["OperatorConsole"] = new(ApiTags.Consoles, "The operator console") { Response = Page },
        ["ConsoleAsset"] = new(ApiTags.Consoles, "A console's script, style or image")
        {
            Response = ApiContent.Binary("*/*"),
            OtherResponses = new Dictionary<int, ApiContent> { [304] = SeeOther },
            PathExample = "console.js",
        },
    };

    /// <summary>A description's opening: the document itself is too long to show.</summary>
    private static ApiContent DocumentOf(string title) =>
        new("application/json", null, new JsonObject { ["type"] = "object" }, new JsonObject { ["openapi"] = "3.1.0", ["info"] = new JsonObject { ["title"] = title, ["version"] = "1" }, ["paths"] = new JsonObject() });

    private static JsonObject Form(params string[] fields) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject([.. fields.Select(f => KeyValuePair.Create(f, (JsonNode?)new JsonObject { ["type"] = "string" }))]),
    };
}
