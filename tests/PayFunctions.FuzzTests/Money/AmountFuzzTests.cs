using System.Text;
using CsCheck;
using PayFunctions.Channels.Alipay;
using PayFunctions.Channels.BankTransfer;
using PayFunctions.Channels.PayPal;
using PayFunctions.Channels.Stripe;
using PayFunctions.Domain;
using PayFunctions.FuzzTests.Harness;

namespace PayFunctions.FuzzTests.Money;

/// <summary>
/// Every parser of an amount or currency written by someone else (a channel's answer, a statement, a callback):
/// it answers false (or its documented <see cref="FormatException"/>) or an exact, non-negative amount that formats
/// back to a string it reads as the same amount. Never an overflow, never a float.
/// </summary>
public sealed class AmountFuzzTests(FuzzLog output) : IClassFixture<FuzzLog>
{
    private const int Cases = 10_000;

    private static readonly string[] Codes = ["CNY", "USD", "JPY", "KWD", "HUF", "TWD", "cny", "XXX", "", "C", "ÇNY"];

    private static readonly Gen<(string Text, string Code)> Inputs =
        Gen.Select(Gen.Frequency((3, Mutations.OfText(Corpus.SeedTexts("money_amounts").Select(t => t.TrimEnd('\n')).ToList())), (1, Gen.String)), Gen.OneOf(Codes));

    [Fact]
    public void AmountsAndCurrencies() =>
        Fuzz.Run(output, "money_amounts", Cases, Corpus.All("money_amounts").Select(b => (Encoding.UTF8.GetString(b).TrimEnd('\n'), "CNY")), Inputs, input =>
        {
            var (text, code) = input;
            CheckCurrency(code);
            CheckCurrency(text);
            CheckAlipay(text);
            if (Currency.TryParse(code, out var currency))
            {
                CheckIso(text, currency);
                CheckStripe(text, currency);
            }

            CheckPayPal(text, code);
            Assert.Equal(text.StartsWith("payable:", StringComparison.Ordinal) && text.Length > 8, LedgerAccounts.TryParsePayable(text, out _));
        });

    private static void CheckCurrency(string code)
    {
        if (Currency.TryParse(code, out var currency))
        {
            Assert.Matches("^[A-Z]{3}$", currency.Code);
            Assert.InRange(currency.MinorUnitDigits, 0, 3);
        }
    }

    private static void CheckAlipay(string text)
    {
        if (AlipayFields.TryParseFen(text, out var fen))
        {
            Assert.True(fen >= 0);
            Assert.True(AlipayFields.TryParseFen(AlipayFields.FormatYuan(fen), out var again));
            Assert.Equal(fen, again);
        }
    }

    private static void CheckIso(string text, Currency currency)
    {
        if (IsoAmount.TryParse(text, currency, out var amount))
        {
            Assert.True(amount.MinorUnits >= 0);
            Assert.True(IsoAmount.TryParse(IsoAmount.Format(amount), currency, out var again));
            Assert.Equal(amount, again);
        }
    }

    private static void CheckStripe(string text, Currency currency)
    {
        try
        {
            Assert.True(MajorUnits.ToMinorUnits(text, currency, 1) >= 0);
        }
        catch (FormatException)
        {
        }
    }

    private static void CheckPayPal(string text, string code)
    {
        if (PayPalAmounts.TryParse(text, code, out var money))
        {
            Assert.True(money.MinorUnits >= 0);
            // PayPal writes HUF and TWD in whole units only; a fraction of one is read but never written.
            var whole = PayPalAmounts.Pow10(money.Currency.MinorUnitDigits - PayPalAmounts.Digits(money.Currency));
            if (money.IsPositive && money.MinorUnits % whole == 0)
            {
                Assert.True(PayPalAmounts.TryParse(PayPalAmounts.Format(money), code, out var again));
                Assert.Equal(money, again);
            }
        }
    }
}
