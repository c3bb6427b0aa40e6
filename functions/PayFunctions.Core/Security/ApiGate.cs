using Microsoft.AspNetCore.Http;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Operators;
using PayFunctions.Core.RateLimiting;

namespace PayFunctions.Core.Security;

/// <summary>
/// Checks every route's <see cref="RouteAccess"/> before its handler runs, in both hosts (LocalHost's
/// endpoint filter, the Functions app's worker middleware), and attaches the admitted
/// <see cref="ApiCaller"/> to the request. Handlers take the caller from there and scope what they
/// read and write to it; none of them looks at the credential again.
/// </summary>
public sealed class ApiGate(ApiKeyStore apiKeys, OperatorStore operators, AccessTokens tokens, RequestSignature signatures, ApiRateLimiter limiter)
{
    // Merchants' keys are 40 characters; a longer value is not one, and is not hashed to find out.
    private const int MaxApiKeyLength = 200;

    /// <summary>Null to go on to the handler, or the 401 or 403 to answer instead.</summary>
    public async Task<IResult?> AdmitAsync(HttpContext http, ApiRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(route);
        if (route.Access.Audience == Audience.Public)
        {
            return null;
        }

        var caller = PresentedCredential.Read(http.Request) is { } credential
            ? await IdentifyAsync(credential, route.Access.Audience, cancellationToken)
            : null;
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"payfunctions\"";
            return ApiError.Unauthenticated().ToResult();
        }

        var allowed = route.Access.Audience switch
        {
            Audience.Merchant => caller is MerchantCaller,
            _ => caller is OperatorCaller,
        };
        if (!allowed || !caller.Scopes.Contains(route.Access.Scope!))
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"payfunctions\", error=\"insufficient_scope\", scope=\"{route.Access.Scope}\"";
            return ApiError.InsufficientScope(route.Access, allowed).ToResult();
        }

        if (caller is MerchantCaller merchant)
        {
            if (limiter.AdmitKey(http, route, merchant.KeyId) is { } limited)
            {
                return limited;
            }

            if (await signatures.CheckAsync(http.Request, merchant.Key, cancellationToken) is { } unsigned)
            {
                return unsigned.ToResult();
            }
        }

        caller.AttachTo(http);
        return null;
    }

    private async Task<ApiCaller?> IdentifyAsync(PresentedCredential credential, Audience audience, CancellationToken cancellationToken)
    {
        switch (credential.Kind)
        {
            case CredentialKind.Token:
                return await tokens.ValidateAsync(credential.Value, cancellationToken);
            case CredentialKind.OperatorKey:
                return await operators.AuthenticateAsync(credential.Value, cancellationToken);
            default:
                // The bootstrap key is not of a recognisable shape, so only operator routes try it first.
                if (audience == Audience.Operator && await operators.AuthenticateAsync(credential.Value, cancellationToken) is { } bootstrap)
                {
                    return bootstrap;
                }

                return credential.Value.Length <= MaxApiKeyLength && await apiKeys.AuthenticateAsync(credential.Value, cancellationToken) is { } holder
                    ? new MerchantCaller(holder.Merchant, holder.Key, holder.Key.GrantedScopes)
                    : null;
        }
    }
}
