using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Aml;

/// <summary>
/// The payer's id at the channel (an openid, a user id) is personal data and is kept sealed, opened only for the
/// channel. Monitoring needs only to know that two payments share a payer: the payment row keeps a pseudonym,
/// <c>payer_</c> and 24 hex digits of HMAC-SHA256 of the id under a key derived (HKDF, its own label) from the platform's
/// pepper. The same payer has the same pseudonym at every merchant; without the key it cannot be reversed or
/// guessed from a list of ids. An operator acts on a pseudonym through the payments a report names with it.
/// </summary>
public sealed class PayerPseudonyms(ISecretStore secrets)
{
    public const string Prefix = "payer_";
    public const int HexLength = 24;
    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");
    private static readonly byte[] KeyLabel = Encoding.ASCII.GetBytes("payfunctions payer pseudonym v1");

    public async Task<string?> OfAsync(string? payerId, CancellationToken cancellationToken)
    {
        if (payerId is not { Length: > 0 })
        {
            return null;
        }

        var key = await PepperKeys.DeriveAsync(secrets, KeyLabel, cancellationToken);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payerId)), 0, HexLength / 2);
    }

    public static bool IsWellFormed(string? pseudonym) =>
        pseudonym is { Length: HexLength + 6 } && pseudonym.StartsWith(Prefix, StringComparison.Ordinal) && !pseudonym.AsSpan(Prefix.Length).ContainsAnyExcept(Hex);
}
