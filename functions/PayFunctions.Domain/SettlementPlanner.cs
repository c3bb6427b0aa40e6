using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Domain;

/// <summary>
/// The arithmetic of settlement. What an account is owed at a cut-off is what it earned before that cut-off minus
/// everything ever settled to it (a cumulative watermark), never "what was posted since the last settlement", so
/// batches can run in any order, again and again, and no capture is paid twice.
/// </summary>
public static class SettlementPlanner
{
    private const string SettlementIdPrefix = "stl_";

    /// <summary>
    /// What <paramref name="accountId"/> earned in <paramref name="currency"/> from entries posted strictly before
    /// <paramref name="cutoffUtc"/>: the net credit of its payable account from every entry except settlements,
    /// which are what was paid out of it. Lines of other accounts and currencies are ignored.
    /// </summary>
    public static long EarnedBefore(IEnumerable<AccountLine> lines, string accountId, Currency currency, DateTimeOffset cutoffUtc) =>
        Earned(lines, accountId, currency, cutoffUtc);

    /// <summary>What <paramref name="accountId"/> earned in <paramref name="currency"/> from every entry read, whenever posted.</summary>
    public static long EarnedInAll(IEnumerable<AccountLine> lines, string accountId, Currency currency) =>
        Earned(lines, accountId, currency, null);

    /// <summary>
    /// The deterministic id of the settlement of <paramref name="accountId"/> in <paramref name="currency"/> on
    /// <paramref name="date"/>, e.g. "stl_20261128_acct_1_cny", so a retried batch reuses the same ids. Characters
    /// outside [a-z0-9_] become '_'; when that changes the account id, a hash of the original is appended so two
    /// accounts never share an id.
    /// </summary>
    public static string SettlementId(DateOnly date, string accountId, Currency currency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var account = Sanitise(accountId);
        if (!string.Equals(account, accountId, StringComparison.Ordinal))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(accountId));
            account += "_" + Convert.ToHexStringLower(hash, 0, 4);
        }

        return SettlementIdPrefix + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "_" + account + "_" + Sanitise(currency.Code);
    }

    private static long Earned(IEnumerable<AccountLine> lines, string accountId, Currency currency, DateTimeOffset? cutoffUtc)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var payable = LedgerAccounts.Payable(accountId);
        long earned = 0;
        foreach (var line in lines)
        {
            if (line.Account == payable
                && line.Currency == currency
                && !string.Equals(line.Kind, Postings.SettlementKind, StringComparison.Ordinal)
                && (cutoffUtc is null || line.PostedAt < cutoffUtc))
            {
                earned = checked(earned + line.CreditBalance.MinorUnits);
            }
        }

        return earned;
    }

    private static string Sanitise(string value) =>
        string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '_' ? c : char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : '_';
            }
        });
}
