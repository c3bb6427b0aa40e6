namespace PayFunctions.Core.Payments;

/// <summary>Settings of the payment flow itself, under <c>Payments</c>.</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payments";

    /// <summary>
    /// How long a payer at the till may take to confirm a barcode payment before the order is reversed;
    /// unset for the channels' advice. A till whose customers need longer (or a test that cannot wait) sets it.
    /// </summary>
    public TimeSpan? BarcodeConfirmWindow { get; set; }

    /// <summary>A window short enough to poll a few times a second would hammer the channel; one of minutes leaves the till waiting.</summary>
    public bool IsValid() => BarcodeConfirmWindow is null || (BarcodeConfirmWindow >= TimeSpan.FromSeconds(4) && BarcodeConfirmWindow <= TimeSpan.FromMinutes(10));
}
