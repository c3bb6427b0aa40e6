using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PayFunctions.Core.Merchants;
using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Stores;

/// <summary>
/// The <c>state</c> a store code sends through a wallet's OAuth and reads back on its return: the form's nonce, the
/// amount and an expiry, sealed with an HMAC (key derived from the API-key pepper) over those and the store code and
/// channel, so nothing is stored, the amount cannot be changed on the way, and a state works for one store, one
/// wallet and ten minutes only. Letters and digits only, at most 128: the strictest wallet's rule (WeChat's).
/// Layout: nonce as hex (44) · expiry in Unix seconds (10) · MAC, first 128 bits as hex (32) · amount in minor units.
/// </summary>
public sealed class StoreAuthorizationState(ISecretStore secrets, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const int NonceHexLength = StoreStore.CodeLength * 2;
    private const int ExpiryLength = 10;
    private const int MacLength = 32;
    private const int MaxAmountDigits = 12;
    private static readonly byte[] KeyLabel = Encoding.ASCII.GetBytes("payfunctions store payer authorization v1");

    public async Task<string> IssueAsync(string storeCode, string channel, string nonce, long amount, CancellationToken cancellationToken)
    {
        var expiry = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString("D10", CultureInfo.InvariantCulture);
        var amountText = amount.ToString(CultureInfo.InvariantCulture);
        return Convert.ToHexString(Encoding.ASCII.GetBytes(nonce)) + expiry
            + await MacAsync(storeCode, channel, nonce, amountText, expiry, cancellationToken) + amountText;
    }

    /// <summary>The nonce and amount of a state issued for this store and channel that has not expired; null for anything else.</summary>
    public async Task<(string Nonce, long Amount)?> ReadAsync(string storeCode, string channel, string? state, CancellationToken cancellationToken)
    {
        const int fixedLength = NonceHexLength + ExpiryLength + MacLength;
        if (state is null || state.Length <= fixedLength || state.Length > fixedLength + MaxAmountDigits || !state.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var nonceHex = state[..NonceHexLength];
        var expiry = state.Substring(NonceHexLength, ExpiryLength);
        var mac = state.Substring(NonceHexLength + ExpiryLength, MacLength);
        var amountText = state[fixedLength..];
        if (!nonceHex.All(char.IsAsciiHexDigitUpper) || !expiry.All(char.IsAsciiDigit) || !amountText.All(char.IsAsciiDigit))
        {
            return null;
        }

        var nonce = Encoding.ASCII.GetString(Convert.FromHexString(nonceHex));
        var expected = await MacAsync(storeCode, channel, nonce, amountText, expiry, cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(mac))
            || long.Parse(expiry, CultureInfo.InvariantCulture) <= time.GetUtcNow().ToUnixTimeSeconds()
            || !StoreStore.IsCode(nonce))
        {
            return null;
        }

        return (nonce, long.Parse(amountText, CultureInfo.InvariantCulture));
    }

    private async Task<string> MacAsync(string storeCode, string channel, string nonce, string amount, string expiry, CancellationToken cancellationToken)
    {
        var key = await PepperKeys.DeriveAsync(secrets, KeyLabel, cancellationToken);
        var message = Encoding.UTF8.GetBytes(string.Join('\n', storeCode, channel, nonce, amount, expiry));
        return Convert.ToHexString(HMACSHA256.HashData(key, message), 0, MacLength / 2).ToLowerInvariant();
    }
}
