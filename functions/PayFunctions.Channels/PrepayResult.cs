namespace PayFunctions.Channels;

/// <summary>The result of creating an order at a channel.</summary>
/// <param name="QrCodeContent">The text to render as a QR code for the payer to scan (WeChat Pay's <c>code_url</c>).</param>
public sealed record PrepayResult(string QrCodeContent);
