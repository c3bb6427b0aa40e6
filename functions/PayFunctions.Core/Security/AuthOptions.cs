using System.ComponentModel.DataAnnotations;

namespace PayFunctions.Core.Security;

/// <summary>Access tokens (<c>Auth:*</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The <c>iss</c> of every token; the platform's public base URL in a deployment.</summary>
    [Required]
    [MinLength(1)]
    public string Issuer { get; set; } = "payfunctions";

    /// <summary>Short, so a leaked token is worth little and a revoked key's tokens end soon even without the check on use.</summary>
    [Range(60, 3600)]
    public int TokenLifetimeSeconds { get; set; } = 900;
}
