namespace PayFunctions.Domain;

/// <summary>Names of ledger accounts. The prefix says what kind of account it is, the suffix whose it is.</summary>
public static class LedgerAccounts
{
    private const string ChannelClearingPrefix = "channel_clearing:";
    private const string PayablePrefix = "payable:";
    private const string PayoutsInTransitPrefix = "payouts_in_transit:";
    private const string ChannelFeesPrefix = "channel_fees:";
    private const string RiskHoldPrefix = "risk_hold:";

    /// <summary>
    /// The liability account for money a customer paid after its payment had ended: it belongs to
    /// nobody's balance and is held here until it is refunded, so settlement never pays it out.
    /// </summary>
    public const string LatePaymentsSuspense = "suspense:late_payments";

    /// <summary>
    /// The platform's currency position: a cross-currency capture credits it with what the payer paid and debits it
    /// with that money's worth at the reference rate in the settlement currency. Per currency it is not zero; it is
    /// what treasury converts. A refund reverses both sides at the locked rates.
    /// </summary>
    public const string FxConversion = "fx_conversion";

    /// <summary>The platform's FX gain: the margin between a payment's reference and locked rates, in the settlement currency.</summary>
    public const string FxMargin = "fx_gain:margin";

    /// <summary>The asset account for money a channel has captured but not yet paid to us, "channel_clearing:{channel}".</summary>
    public static string ChannelClearing(string channel) => Named(ChannelClearingPrefix, channel);

    /// <summary>
    /// The expense account for what a channel charged beyond the fee the platform expected, "channel_fees:{channel}":
    /// reconciliation posts each fee difference a statement shows against the channel's clearing account.
    /// </summary>
    public static string ChannelFees(string channel) => Named(ChannelFeesPrefix, channel);

    /// <summary>The liability account for money owed to a merchant, recipient or the platform, e.g. "payable:acct_1".</summary>
    public static string Payable(string accountId) => Named(PayablePrefix, accountId);

    /// <summary>The account for money settled to <paramref name="accountId"/> and on its way to their bank.</summary>
    public static string PayoutsInTransit(string accountId) => Named(PayoutsInTransitPrefix, accountId);

    /// <summary>
    /// The liability account for a party's share of a payment held for risk review, e.g. "risk_hold:acct_1": owed, but
    /// not payable, so settlement does not pay it until an operator releases it to <see cref="Payable"/>.
    /// </summary>
    public static string RiskHold(string accountId) => Named(RiskHoldPrefix, accountId);

    /// <summary>Extracts the account id from a risk-hold account name; false for any other kind of account.</summary>
    public static bool TryParseRiskHold(string account, out string accountId) => TryParse(RiskHoldPrefix, account, out accountId);

    /// <summary>Extracts the account id from a payable account name; false for any other kind of account.</summary>
    public static bool TryParsePayable(string account, out string accountId) => TryParse(PayablePrefix, account, out accountId);

    /// <summary>Extracts the account id from a payouts-in-transit account name; false for any other kind of account.</summary>
    public static bool TryParsePayoutsInTransit(string account, out string accountId) => TryParse(PayoutsInTransitPrefix, account, out accountId);

    private static bool TryParse(string prefix, string account, out string accountId)
    {
        if (account is not null && account.Length > prefix.Length && account.StartsWith(prefix, StringComparison.Ordinal))
        {
            accountId = account[prefix.Length..];
            return true;
        }

        accountId = string.Empty;
        return false;
    }

    private static string Named(string prefix, string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return prefix + owner;
    }
}
