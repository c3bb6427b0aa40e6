using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Operators;

namespace PayFunctions.Core.Security;

/// <summary>
/// Short-lived ES256 JWTs (RFC 9068 shape: <c>iss</c>, <c>aud</c>, <c>sub</c>, <c>client_id</c>,
/// <c>scope</c>, <c>jti</c>) issued by the token endpoint to a merchant's key or an operator. A token
/// is accepted only while the credential it came from still is, and never with more scopes than that
/// credential has now: revoking a key or disabling an operator ends its tokens as well.
/// </summary>
public sealed class AccessTokens(TokenSigningKeys keys, ApiKeyStore apiKeys, OperatorStore operators, IOptions<AuthOptions> options, TimeProvider time)
{
    public const string Audience = "payfunctions-api";
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TimeSpan Lifetime => TimeSpan.FromSeconds(options.Value.TokenLifetimeSeconds);

    public async Task<string> IssueAsync(string subject, string clientId, IReadOnlySet<string> scopes, CancellationToken cancellationToken)
    {
        var key = await keys.CurrentAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject,
                ["client_id"] = clientId,
                ["scope"] = ApiScopes.Format(scopes),
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>The caller a token stands for, or null when it is not a valid, current token of ours.</summary>
    public async Task<ApiCaller?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!Handler.CanReadToken(token))
        {
            return null;
        }

        JsonWebToken read;
        try
        {
            read = Handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (await keys.FindAsync(read.Kid ?? "", cancellationToken) is not { } key)
        {
            return null;
        }

        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Value.Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = ["at+jwt"],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(notBefore, expires),
        });
        if (!result.IsValid
            || Claim(result, "sub") is not string subject
            || Claim(result, "client_id") is not string clientId
            || Claim(result, "scope") is not string scope)
        {
            return null;
        }

        return subject.StartsWith(OperatorEntity.IdPrefix, StringComparison.Ordinal)
            ? await OperatorAsync(subject, clientId, scope, cancellationToken)
            : await MerchantAsync(subject, clientId, scope, cancellationToken);
    }

    private static string? Claim(TokenValidationResult result, string name) =>
        result.Claims.TryGetValue(name, out var value) ? value as string : null;

    private bool WithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var skew = TimeSpan.FromSeconds(30);
        return expires is { } e && notBefore is { } n && n - skew <= now && now < e + skew && e - n <= Lifetime + skew;
    }

    private async Task<ApiCaller?> OperatorAsync(string operatorId, string clientId, string scope, CancellationToken cancellationToken)
    {
        if (clientId != operatorId || await operators.AcceptedCallerAsync(operatorId, cancellationToken) is not { } caller)
        {
            return null;
        }

        return ApiScopes.Parse(scope, ApiScopes.Operator) is { } granted
            ? caller with { Scopes = granted.Where(caller.Scopes.Contains).ToHashSet(StringComparer.Ordinal) }
            : null;
    }

    private async Task<ApiCaller?> MerchantAsync(string merchantId, string keyId, string scope, CancellationToken cancellationToken)
    {
        if (merchantId.Length is 0 or > 64 || !merchantId.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            || !ApiKeyStore.IsKeyId(keyId) || await apiKeys.AcceptedAsync(merchantId, keyId, cancellationToken) is not { } holder)
        {
            return null;
        }

        var current = holder.Key.GrantedScopes;
        return ApiScopes.Parse(scope, ApiScopes.Merchant) is { } granted
            ? new MerchantCaller(holder.Merchant, holder.Key, granted.Where(current.Contains).ToHashSet(StringComparer.Ordinal))
            : null;
    }
}
