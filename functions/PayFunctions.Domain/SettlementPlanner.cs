using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PayFunctions.Domain;

/// <summary>Works out the T+1 settlement batch from the ledger.</summary>
public static class SettlementPlanner
{
    private const string SettlementIdPrefix = "stl_";

    /// <summary>
    /// The balance of every payable account in every currency from the entries posted strictly before the cut-off,
    /// credits minus debits, so earlier settlements are already netted out. Settlements already posted for this
    /// same batch are netted out too, whenever they were posted, so planning a batch again after it was (partly)
    /// paid never pays anyone twice. Only positive balances, ordered by account then currency.
    /// </summary>
    public static IReadOnlyList<SettlementLine> Plan(IEnumerable<JournalEntry> entries, SettlementCutoff cutoff)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(cutoff);
        var balances = new Dictionary<(string AccountId, Currency Currency), long>();
        foreach (var entry in entries)
        {
            var beforeCutoff = entry.PostedAt < cutoff.CutoffUtc;
            foreach (var line in entry.Lines)
            {
                if (!LedgerAccounts.TryParsePayable(line.Account, out var accountId))
                {
                    continue;
                }

                var currency = line.Amount.Currency;
                if (!beforeCutoff && !IsThisBatch(entry, cutoff.SettlementDate, accountId, currency))
                {
                    continue;
                }

                var key = (accountId, currency);
                balances.TryGetValue(key, out var balance);
                balances[key] = line.Side == EntrySide.Credit
                    ? checked(balance + line.Amount.MinorUnits)
                    : checked(balance - line.Amount.MinorUnits);
            }
        }

        return balances
            .Where(b => b.Value > 0)
            .OrderBy(b => b.Key.AccountId, StringComparer.Ordinal)
            .ThenBy(b => b.Key.Currency.Code, StringComparer.Ordinal)
            .Select(b => new SettlementLine(b.Key.AccountId, new Money(b.Value, b.Key.Currency)))
            .ToList();
    }

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

    private static bool IsThisBatch(JournalEntry entry, DateOnly date, string accountId, Currency currency) =>
        string.Equals(entry.Kind, Postings.SettlementKind, StringComparison.Ordinal)
        && string.Equals(entry.Reference, SettlementId(date, accountId, currency), StringComparison.Ordinal);

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
