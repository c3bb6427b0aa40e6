using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using PayFunctions.Core.Audit;
using PayFunctions.Core.Http;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Operators;

namespace PayFunctions.Core.Security;

/// <summary>
/// The OAuth 2.0 token endpoint (RFC 6749 §4.4, client credentials) and the key set its tokens verify
/// with. A merchant's client is one of its API keys: <c>client_id</c> is the key's id and
/// <c>client_secret</c> the key. An operator's client is the operator: its id and its key. Client
/// authentication is HTTP Basic or the two form fields (§2.3.1). Errors are OAuth's own JSON
/// (§5.2), which token clients expect, not problem documents.
/// </summary>
public sealed class TokenEndpoint(AccessTokens tokens, TokenSigningKeys keys, ApiKeyStore apiKeys, OperatorStore operators, AuditLog audit)
{
    private const int MaxFieldLength = 200;

    public async Task<IResult> IssueAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!request.HasFormContentType)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "The body must be application/x-www-form-urlencoded.");
        }

        var form = await RequestBody.ReadFormAsync(request, cancellationToken);
        if (form.Values.Any(v => v.Count > 1))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "A parameter is repeated.");
        }

        if (form.GetValueOrDefault("grant_type").ToString() != "client_credentials")
        {
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only client_credentials is supported.");
        }

        var (clientId, secret, basic) = ClientCredentials(request, form);
        if (clientId is null || secret is null || clientId.Length > MaxFieldLength || secret.Length > MaxFieldLength)
        {
            return InvalidClient(request, basic);
        }

        var caller = await AuthenticateClientAsync(clientId, secret, cancellationToken);
        if (caller is null)
        {
            return InvalidClient(request, basic);
        }

        var requested = form.GetValueOrDefault("scope").ToString();
        var known = caller is OperatorCaller ? ApiScopes.Operator : ApiScopes.Merchant;
        var scopes = requested.Length == 0 ? caller.Scopes : ApiScopes.Parse(requested, known);
        if (scopes is null || scopes.Count == 0 || !scopes.All(caller.Scopes.Contains))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_scope", "A requested scope is unknown or not granted to this client.");
        }

        var subject = caller is MerchantCaller merchant ? merchant.Merchant.Id : ((OperatorCaller)caller).OperatorId;
        var token = await tokens.IssueAsync(subject, clientId, scopes, cancellationToken);
        await audit.AppendAsync(new AuditEvent(
            AuditEventTypes.TokenIssued, caller.Actor, clientId, new Dictionary<string, object?> { ["scope"] = ApiScopes.Format(scopes) }, AuditRequests.IdOf(request)));
        return Results.Json(
            new TokenResponse(token, "Bearer", (int)tokens.Lifetime.TotalSeconds, ApiScopes.Format(scopes)), ApiJson.Options);
    }

    /// <summary>The public keys, as a JSON Web Key Set (RFC 7517).</summary>
    public async Task<IResult> KeySetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var published = await keys.PublishedAsync(tokens.Lifetime, cancellationToken);
        var set = published.Select(k =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(k);
            return new PublicJwk(jwk.Kty, jwk.Crv, jwk.X, jwk.Y, jwk.Kid, "sig", SecurityAlgorithms.EcdsaSha256);
        });
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Json(new JsonWebKeySet(set.ToList()), ApiJson.Options);
    }

    private async Task<ApiCaller?> AuthenticateClientAsync(string clientId, string secret, CancellationToken cancellationToken)
    {
        if (ApiKeyStore.IsKeyId(clientId))
        {
            return await apiKeys.AuthenticateAsync(secret, cancellationToken) is { } holder && holder.Key.Id == clientId
                ? new MerchantCaller(holder.Merchant, holder.Key, holder.Key.GrantedScopes)
                : null;
        }

        return (clientId == OperatorStore.BootstrapOperatorId || OperatorStore.IsOperatorId(clientId))
            && await operators.AuthenticateAsync(secret, cancellationToken) is { } caller && caller.OperatorId == clientId
            ? caller
            : null;
    }

    private static (string? Id, string? Secret, bool Basic) ClientCredentials(HttpRequest request, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon < 0
                    ? (null, null, true)
                    : (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')), true);
            }
            catch (FormatException)
            {
                return (null, null, true);
            }
        }

        var id = form.GetValueOrDefault("client_id").ToString();
        var secret = form.GetValueOrDefault("client_secret").ToString();
        return (id.Length == 0 ? null : id, secret.Length == 0 ? null : secret, false);
    }

    private static IResult InvalidClient(HttpRequest request, bool basic)
    {
        if (basic)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"payfunctions\"";
        }

        return Error(StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed.");
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new TokenError(error, description), ApiJson.Options, statusCode: status);

    internal sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Scope);

    internal sealed record TokenError(string Error, string ErrorDescription);

    internal sealed record JsonWebKeySet(IReadOnlyList<PublicJwk> Keys);

    internal sealed record PublicJwk(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg);
}
