namespace PayFunctions.Channels.AlipayPlus;

/// <summary>
/// One wallet reached through Alipay+: the platform's method, the <c>paymentMethod.paymentMethodType</c> Alipay+ names it by,
/// its currency and country, its amount limits in minor units and how the payer is sent to it.
/// </summary>
/// <param name="Method">The platform's method, <c>alipay_plus.{wallet}</c>.</param>
/// <param name="PaymentMethodType">The wallet as Alipay+ names it in <c>paymentMethod.paymentMethodType</c>.</param>
/// <param name="DisplayName">The wallet's name for people.</param>
/// <param name="Currency">The ISO 4217 currency the wallet pays in.</param>
/// <param name="Country">The ISO 3166-1 country of the wallet's payers.</param>
/// <param name="MinAmount">The smallest amount in minor units: Antom's published minimum payment and refund amount.</param>
/// <param name="MaxAmount">The largest amount in minor units: a conservative per-payment cap of the wallet.</param>
/// <param name="NextAction">Redirect to the wallet's page (<c>normalUrl</c>) or show its QR code (<c>codeValue</c>).</param>
public sealed record AlipayPlusWallet(
    string Method,
    string PaymentMethodType,
    string DisplayName,
    string Currency,
    string Country,
    long MinAmount,
    long MaxAmount,
    NextActionType NextAction)
{
    /// <summary>
    /// The wallets this channel serves. Minimums are Antom's published minimum payment amounts (GCash 1 PHP, DANA 300 IDR,
    /// Touch 'n Go 0.05 MYR, TrueMoney 1 THB, Kakao Pay 50 KRW), in ISO 4217 minor units, as Alipay+ amounts are.
    /// </summary>
    public static IReadOnlyList<AlipayPlusWallet> All { get; } =
    [
        new("alipay_plus.gcash", "GCASH", "GCash", "PHP", "PH", 1_00, 100_000_00, NextActionType.RedirectToUrl),
        new("alipay_plus.dana", "DANA", "DANA", "IDR", "ID", 300_00, 20_000_000_00, NextActionType.RedirectToUrl),
        new("alipay_plus.tng", "TNG", "Touch 'n Go eWallet", "MYR", "MY", 5, 5_000_00, NextActionType.RedirectToUrl),
        new("alipay_plus.truemoney", "TRUEMONEY", "TrueMoney", "THB", "TH", 1_00, 100_000_00, NextActionType.RedirectToUrl),
        new("alipay_plus.kakaopay", "KAKAOPAY", "Kakao Pay", "KRW", "KR", 50, 2_000_000, NextActionType.DisplayQrCode),
    ];

    /// <summary>The wallet of <paramref name="method"/>, or null when this channel has no such method.</summary>
    public static AlipayPlusWallet? Of(string method) => All.FirstOrDefault(wallet => wallet.Method == method);
}
