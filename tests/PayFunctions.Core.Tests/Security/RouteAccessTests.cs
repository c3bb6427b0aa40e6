using PayFunctions.Core.Http;
using PayFunctions.Core.Security;

namespace PayFunctions.Core.Tests.Security;

/// <summary>
/// Every route declares who may call it; a new route must choose, and only the routes payers and
/// channels reach without credentials may be public.
/// </summary>
public sealed class RouteAccessTests
{
    private static readonly string[] PublicRoutes =
    [
        "Health", "ChannelNotify", "CheckoutPage", "CheckoutStatus", "CheckoutChooseMethod", "CheckoutRedirect", "CheckoutReturn",
        "StoreCodePage", "StoreCodePay", "StoreCodeAuthorized", "StatusPage", "IssueToken", "GetTokenKeys",
        "MerchantConsole", "OperatorConsole", "ConsoleAsset", "GetOpenApiDocument", "GetOperatorOpenApiDocument",
        "ApiReference", "OperatorApiReference", "ApiReferenceAsset",
    ];

    [Fact]
    public void OnlyTheKnownPublicRoutes_ArePublic() =>
        Assert.Equal(
            PublicRoutes.Order(StringComparer.Ordinal),
            ApiRoutes.All.Where(r => r.Access.Audience == Audience.Public).Select(r => r.Name).Order(StringComparer.Ordinal));

    [Fact]
    public void OperatorRoutes_NeedAnOperatorScope_AndMerchantRoutesAMerchantScope()
    {
        foreach (var route in ApiRoutes.All.Where(r => r.Access.Audience != Audience.Public))
        {
            var scopes = route.Access.Audience == Audience.Operator ? ApiScopes.Operator : ApiScopes.Merchant;
            Assert.True(route.Access.Scope is not null && scopes.Contains(route.Access.Scope), $"{route.Name} needs a scope of its audience.");
        }

        Assert.All(ApiRoutes.All.Where(r => r.Template.StartsWith("ops/", StringComparison.Ordinal)), r => Assert.Equal(Audience.Operator, r.Access.Audience));
    }

    [Fact]
    public void AReadScope_ReachesNoRouteThatChangesAnything() =>
        Assert.All(ApiRoutes.All.Where(r => r.Access.Scope == ApiScopes.Read), r => Assert.Equal("GET", r.Method));
}
