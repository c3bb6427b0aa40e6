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
