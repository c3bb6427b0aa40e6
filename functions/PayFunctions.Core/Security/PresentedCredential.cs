using Microsoft.AspNetCore.Http;

namespace PayFunctions.Core.Security;

public enum CredentialKind
{
    ApiKey,
    OperatorKey,
    Token,
}

/// <summary>
/// The bearer credential of a request, told apart by its shape before anything is looked up: a JWT
/// is three base64url parts, an operator key starts <c>opk_</c>, anything else is tried as an API key.
/// </summary>
public sealed record PresentedCredential(CredentialKind Kind, string Value)
{
    private const string Scheme = "Bearer ";
    private const int MinLength = 16;

    // Tokens carry a signature and a handful of claims; anything far longer is not one of ours.
    private const int MaxLength = 4096;

    public static PresentedCredential? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = header[Scheme.Length..].Trim();
        if (value.Length is < MinLength or > MaxLength || !value.All(c => char.IsAscii(c) && !char.IsControl(c) && c != ' '))
        {
            return null;
        }

        if (value.StartsWith(OperatorKeys.Prefix, StringComparison.Ordinal))
        {
            return new(CredentialKind.OperatorKey, value);
        }

        return value.StartsWith("eyJ", StringComparison.Ordinal) && value.Count(c => c == '.') == 2
            ? new(CredentialKind.Token, value)
            : new(CredentialKind.ApiKey, value);
    }
}
