using System.Text.Json;
using PayFunctions.Channels;
using PayFunctions.Core.Http;

namespace PayFunctions.Core.Payments;

/// <summary>
/// What the payer does next, as a tagged union: <c>type</c> names the one member that is set, as in
/// Stripe's <c>next_action</c>. A payment without one (a barcode payment at the till) has none.
/// </summary>
public sealed record NextActionBody(string Type, DisplayQrCodeBody? DisplayQrCode, RedirectToUrlBody? RedirectToUrl, UseSdkBody? UseSdk)
{
    /// <summary>Set when <see cref="Type"/> is <see cref="DisplayTransferInstructionsType"/>.</summary>
    public DisplayTransferInstructionsBody? DisplayTransferInstructions { get; init; }

    public const string DisplayQrCodeType = "display_qr_code";
    public const string RedirectToUrlType = "redirect_to_url";
    public const string UseSdkType = "use_sdk";
    public const string DisplayTransferInstructionsType = "display_transfer_instructions";

    public static NextActionBody From(ChannelNextAction action, string channel) => action switch
    {
        DisplayQrCode qr => new(DisplayQrCodeType, new DisplayQrCodeBody(qr.Data), null, null),
        RedirectToUrl redirect => new(RedirectToUrlType, null, new RedirectToUrlBody(redirect.Url.AbsoluteUri), null),
        UseSdk sdk => new(UseSdkType, null, null, new UseSdkBody(channel, sdk.Parameters)),
        DisplayTransferInstructions transfer => new(DisplayTransferInstructionsType, null, null, null)
        {
            DisplayTransferInstructions = new DisplayTransferInstructionsBody(
                transfer.Amount.MinorUnits, transfer.Amount.Currency.Code, transfer.Reference, transfer.AccountHolderName, transfer.Iban, transfer.Bic),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.Type, "Unknown next action."),
    };

    /// <summary>The JSON stored on the payment, exactly as the API writes it.</summary>
    public static string Serialize(ChannelNextAction action, string channel) => JsonSerializer.Serialize(From(action, channel), ApiJson.Options);

    public static NextActionBody? Deserialize(string? json) => json is null ? null : JsonSerializer.Deserialize<NextActionBody>(json, ApiJson.Options);
}

/// <summary>Render <paramref name="Data"/> as a QR code for the payer to scan.</summary>
public sealed record DisplayQrCodeBody(string Data);

/// <summary>Send the payer's browser to <paramref name="Url"/>.</summary>
public sealed record RedirectToUrlBody(string Url);

/// <summary>Pass <paramref name="Parameters"/> unchanged to <paramref name="Channel"/>'s client SDK.</summary>
public sealed record UseSdkBody(string Channel, IReadOnlyDictionary<string, string> Parameters);

/// <summary>
/// Send a credit transfer of exactly <paramref name="Amount"/> (minor units of <paramref name="Currency"/>) to the account,
/// quoting <paramref name="Reference"/>: how the transfer is matched to the payment. Stripe's next action for bank
/// transfers carries the same facts.
/// </summary>
public sealed record DisplayTransferInstructionsBody(long Amount, string Currency, string Reference, string AccountHolderName, string Iban, string? Bic);
