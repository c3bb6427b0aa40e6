using System.Globalization;
using PayFunctions.Domain;

namespace PayFunctions.Channels.WeChatPay;

/// <summary>Maps the fields of a <see cref="TransactionResource"/> into channel-neutral values.</summary>
internal static class WeChatPayTransactionFields
{
    /// <summary>Maps <c>trade_state</c>; false for a value this code does not know, which must not be guessed.</summary>
    public static bool TryMapTradeState(string? tradeState, out ChannelTradeState state)
    {
        (var known, state) = tradeState switch
        {
            "SUCCESS" => (true, ChannelTradeState.Succeeded),
            "REFUND" => (true, ChannelTradeState.Refunded),
            "NOTPAY" => (true, ChannelTradeState.NotPaid),
            "CLOSED" => (true, ChannelTradeState.Closed),
            "REVOKED" => (true, ChannelTradeState.Closed),
            "USERPAYING" => (true, ChannelTradeState.Paying),
            "PAYERROR" => (true, ChannelTradeState.Failed),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>
    /// Reads <c>amount.total</c> and <c>amount.currency</c>. A missing currency means CNY, the only currency a
    /// domestic merchant account can transact in; a currency the platform does not support fails.
    /// </summary>
    public static bool TryParseAmount(TransactionAmount? amount, bool currencyRequired, out Money money)
    {
        money = default;
        if (amount?.Total is not { } total || total < 0)
        {
            return false;
        }

        Currency currency;
        if (amount.Currency is null)
        {
            if (currencyRequired)
            {
                return false;
            }

            currency = Currency.Cny;
        }
        else if (!Currency.TryParse(amount.Currency, out currency))
        {
            return false;
        }

        money = new Money(total, currency);
        return true;
    }

    /// <summary>
    /// The payer as the transaction names them: their openid under the application the order was made under (for a
    /// sub-merchant's order the sub-application's <c>sub_openid</c> when there is one, else <c>sp_openid</c>), and
    /// <c>bank_type</c>. WeChat Pay reports no country.
    /// </summary>
    public static ChannelPayer? PayerOf(TransactionResource transaction) =>
        ChannelPayers.From(
            JsonText.Of(transaction.Payer, "openid") ?? JsonText.Of(transaction.Payer, "sub_openid") ?? JsonText.Of(transaction.Payer, "sp_openid"),
            JsonText.Of(transaction.BankType),
            null,
            null);

    /// <summary>Parses an RFC 3339 <c>success_time</c>; an absent value is valid and yields null.</summary>
    public static bool TryParseTime(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (value is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }
}
