using System.Text;
using PayFunctions.Channels.Alipay;
using PayFunctions.Channels.BankTransfer;
using PayFunctions.Channels.PayPal;
using PayFunctions.Channels.Stripe;
using PayFunctions.Domain;

namespace PayFunctions.FuzzTargets;

/// <summary>
/// Every parser of an amount or currency written by someone else (a channel's answer, a statement, a callback):
/// it answers false (or its documented <see cref="FormatException"/>) or an exact, non-negative amount that formats
/// back to a string it reads as the same amount. Never an overflow, never a float. Each text is read in every
/// currency below, so one input reaches each currency's decimals.
/// </summary>
public static class MoneyTargets
{
    private static readonly string[] Codes = ["CNY", "USD", "JPY", "KWD", "HUF", "TWD", "cny", "XXX", "", "C", "ÇNY"];

    public static FuzzTarget Amounts { get; } = new("money_amounts", () => new FuzzCall(input =>
    {
        var text = Encoding.UTF8.GetString(input);
        var read = CheckCurrency(text) | CheckAlipay(text);
        foreach (var code in Codes)
        {
            if (Currency.TryParse(code, out var currency))
            {
                read |= CheckIso(text, currency) | CheckStripe(text, currency);
            }

            read |= CheckPayPal(text, code);
        }

        var payable = LedgerAccounts.TryParsePayable(text, out _);
        Assert.Equal(text.StartsWith("payable:", StringComparison.Ordinal) && text.Length > 8, payable);
        return read | payable;
    }));

    private static bool CheckCurrency(string code)
    {
        if (!Currency.TryParse(code, out var currency))
        {
            return false;
        }

        Assert.Matches("^[A-Z]{3}$", currency.Code);
        Assert.InRange(currency.MinorUnitDigits, 0, 3);
        return true;
    }

    private static bool CheckAlipay(string text)
    {
        if (!AlipayFields.TryParseFen(text, out var fen))
        {
            return false;
        }

        Assert.True(fen >= 0);
        Assert.True(AlipayFields.TryParseFen(AlipayFields.FormatYuan(fen), out var again));
        Assert.Equal(fen, again);
        return true;
    }

    private static bool CheckIso(string text, Currency currency)
    {
        if (!IsoAmount.TryParse(text, currency, out var amount))
        {
            return false;
        }

        Assert.True(amount.MinorUnits >= 0);
        Assert.True(IsoAmount.TryParse(IsoAmount.Format(amount), currency, out var again));
        Assert.Equal(amount, again);
        return true;
    }

    private static bool CheckStripe(string text, Currency currency)
    {
        try
        {
            Assert.True(MajorUnits.ToMinorUnits(text, currency, 1) >= 0);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool CheckPayPal(string text, string code)
    {
        if (!PayPalAmounts.TryParse(text, code, out var money))
        {
            return false;
        }

        Assert.True(money.MinorUnits >= 0);
        // PayPal writes HUF and TWD in whole units only; a fraction of one is read but never written.
        var whole = PayPalAmounts.Pow10(money.Currency.MinorUnitDigits - PayPalAmounts.Digits(money.Currency));
        if (money.IsPositive && money.MinorUnits % whole == 0)
        {
            Assert.True(PayPalAmounts.TryParse(PayPalAmounts.Format(money), code, out var again));
            Assert.Equal(money, again);
        }

        return true;
    }
}
