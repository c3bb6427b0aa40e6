using PayFunctions.Domain;

namespace PayFunctions.Channels;

/// <summary>What the payer does next, as the channel prescribed it when the order was placed.</summary>
public abstract record ChannelNextAction
{
    /// <summary>The kind of action.</summary>
    public abstract NextActionType Type { get; }
}

/// <summary>Show <paramref name="Data"/> as a QR code for the payer's wallet app to scan.</summary>
public sealed record DisplayQrCode(string Data) : ChannelNextAction
{
    /// <inheritdoc />
    public override NextActionType Type => NextActionType.DisplayQrCode;
}

/// <summary>Send the payer's browser to <paramref name="Url"/>, the channel's payment page (PC, mobile web or H5).</summary>
public sealed record RedirectToUrl(Uri Url) : ChannelNextAction
{
    /// <inheritdoc />
    public override NextActionType Type => NextActionType.RedirectToUrl;
}

/// <summary>Pass <paramref name="Parameters"/> unchanged to the channel's client SDK (JSAPI, mini-program, App).</summary>
public sealed record UseSdk(IReadOnlyDictionary<string, string> Parameters) : ChannelNextAction
{
    /// <inheritdoc />
    public override NextActionType Type => NextActionType.UseSdk;
}

/// <summary>
/// The payer's browser POSTs <paramref name="Fields"/>, signed by the adapter, as a form to <paramref name="Action"/>,
/// the channel's payment page (an online card gateway). The fields are the payment's own and must reach the
/// channel unchanged, so the platform hosts the form and shows the merchant a redirect to it.
/// </summary>
public sealed record SubmitForm(Uri Action, IReadOnlyDictionary<string, string> Fields) : ChannelNextAction
{
    /// <summary>To the merchant, a form the platform posts is a redirect: the payer's browser goes to the channel's page.</summary>
    public override NextActionType Type => NextActionType.RedirectToUrl;
}

/// <summary>
/// The payer sends a bank transfer of exactly <paramref name="Amount"/> to the beneficiary account, quoting
/// <paramref name="Reference"/>, by which the platform matches the incoming credit to the payment.
/// </summary>
/// <param name="AccountHolderName">The beneficiary's name as the bank holds it.</param>
/// <param name="Iban">The beneficiary's IBAN, in its electronic form (no spaces).</param>
/// <param name="Bic">The beneficiary bank's BIC, when the transfer needs it.</param>
/// <param name="Amount">The exact amount to send.</param>
/// <param name="Reference">What the payer quotes in the transfer's remittance information.</param>
public sealed record DisplayTransferInstructions(string AccountHolderName, string Iban, string? Bic, Money Amount, string Reference) : ChannelNextAction
{
    /// <inheritdoc />
    public override NextActionType Type => NextActionType.DisplayTransferInstructions;
}
