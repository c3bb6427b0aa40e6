using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PayFunctions.IntegrationTests.Security;

/// <summary>Tokens an attacker (or, for the control case, the issuer itself) could present, built from a genuine token's claims.</summary>
public static class ForgedTokens
{
    /// <summary>A token with the issuer's claims, signed as the issuer would but with the lifetime and key given.</summary>
    public static string Sign(JsonObject claims, Core.Secrets.SecretVersion signing, DateTime notBefore, DateTime expires) =>
        Sign(claims, new ECDsaSecurityKey(ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = Convert.FromBase64String(signing.Value) })) { KeyId = signing.Version }, notBefore, expires);

    public static string Sign(JsonObject claims, ECDsaSecurityKey key, DateTime notBefore, DateTime expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = (string)claims["iss"]!,
            Audience = (string)claims["aud"]!,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = (string)claims["sub"]!,
                ["client_id"] = (string)claims["client_id"]!,
                ["scope"] = (string)claims["scope"]!,
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });

    /// <summary>The algorithm-confusion forgery: HS256 with the published key's coordinates as the shared secret.</summary>
    public static string HmacSigned(JsonObject claims, string kid)
    {
        var header = Base64UrlEncoder.Encode($$"""{"alg":"HS256","typ":"at+jwt","kid":"{{kid}}"}""");
        var payload = Base64UrlEncoder.Encode(claims.ToJsonString());
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(kid), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }
}
