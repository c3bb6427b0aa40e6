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
    private static readonly ApiContent Document = new("application/json", null, new JsonObject { ["type"] = "object" }, null);

    public static IReadOnlyDictionary<string, ApiOperation> All { get; } = new Dictionary<string, ApiOperation>(StringComparer.Ordinal)
    {
        ["Health"] = new(ApiTags.Platform, "Health") { Response = ApiContent.Json<HealthEndpoint.HealthStatus>() },
        ["StatusPage"] = new(ApiTags.Platform, "The public status page") { Description = "Each channel's state, as payers see it.", Response = Page },
        ["GetOpenApiDocument"] = new(ApiTags.Platform, "This description")
        {
            Description = "The OpenAPI 3.1 description of the merchant API. Cacheable: send `If-None-Match` with its `ETag`.",
            Response = Document,
            OtherResponses = new Dictionary<int, ApiContent> { [304] = SeeOther },
        },
        ["GetOperatorOpenApiDocument"] = new(ApiTags.Platform, "The operator API's description")
        {
            Description = "The OpenAPI 3.1 description of the operator API. Cacheable: send `If-None-Match` with its `ETag`.",
            Response = Document,
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
            Response = ApiContent.Json<CheckoutEndpoints.CheckoutStatus>(),
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
            PathExample = "AbCdEfGh",
        },
        ["StoreCodePay"] = new(ApiTags.PayerPages, "Pay at a store")
        {
            Request = ApiContent.Form(Form("nonce", "amount", "lang"), new JsonObject { ["nonce"] = "example", ["amount"] = "15.00" }),
            Status = 303,
            Response = SeeOther,
            OtherResponses = new Dictionary<int, ApiContent> { [200] = Page, [400] = Page, [404] = Page },
            PathExample = "AbCdEfGh",
        },
        ["StoreCodeAuthorized"] = new(ApiTags.PayerPages, "Where a wallet returns the payer it signed in")
        {
            Response = Page,
            OtherResponses = new Dictionary<int, ApiContent> { [400] = Page, [404] = Page, [502] = Page },
            Query = [new("code", "The wallet's sign-in code.", "example"), new("state", "The state the platform sent.", "example")],
            PathExample = "AbCdEfGh",
        },
        ["IssueToken"] = new(ApiTags.Authentication, "Issue an access token")
        {
            Description = "OAuth 2.0 client credentials (RFC 6749 §4.4): the client is a key (its id and secret) or an operator. "
                + "Client authentication by HTTP Basic or the form's fields; errors are OAuth's JSON.",
            Request = ApiContent.Form(
                Form("grant_type", "client_id", "client_secret", "scope"),
                new JsonObject { ["grant_type"] = "client_credentials", ["client_id"] = ApiExamples.ApiKeyId, ["client_secret"] = "sk_test_example", ["scope"] = ApiScopes.Read }),
            Response = ApiContent.Json<TokenEndpoint.TokenResponse>(),
            OtherResponses = new Dictionary<int, ApiContent>
            {
                [400] = ApiContent.Json<TokenEndpoint.TokenError>(),
                [401] = ApiContent.Json<TokenEndpoint.TokenError>(),
            },
        },
        ["GetTokenKeys"] = new(ApiTags.Authentication, "The keys tokens are signed with")
        {
            Description = "A JSON Web Key Set (RFC 7517) of the current signing key and those signed or verified with within a token's lifetime.",
            Response = ApiContent.Json<TokenEndpoint.JsonWebKeySet>(),
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

    private static JsonObject Form(params string[] fields) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject([.. fields.Select(f => KeyValuePair.Create(f, (JsonNode?)new JsonObject { ["type"] = "string" }))]),
    };
}
