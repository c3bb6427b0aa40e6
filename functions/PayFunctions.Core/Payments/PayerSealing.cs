using PayFunctions.Core.Secrets;

namespace PayFunctions.Core.Payments;

/// <summary>
/// The payer's id at the channel (an openid), the code from their phone, their IP address and device id travel in the payment's
/// orchestration input and the channel's work messages, which Durable keeps in its history tables and queues: they
/// travel sealed, each under its payment and field, and only the prepay opens them for the channel. The return
/// address is the merchant's, not the payer's, and stays clear.
/// </summary>
public sealed class PayerSealing(SecretEnvelope envelope)
{
    public static string Context(string merchantId, string paymentId, string field) => $"payments/{merchantId}/{paymentId}/payer/{field}";

    public async Task<PayerInput?> SealAsync(PayerInput? payer, string merchantId, string paymentId, CancellationToken cancellationToken) =>
        payer is null
            ? null
            : payer with
            {
                Id = await SealAsync(payer.Id, merchantId, paymentId, "id", cancellationToken),
                PaymentCode = await SealAsync(payer.PaymentCode, merchantId, paymentId, "payment_code", cancellationToken),
                ClientIp = await SealAsync(payer.ClientIp, merchantId, paymentId, "client_ip", cancellationToken),
                DeviceId = await SealAsync(payer.DeviceId, merchantId, paymentId, "device_id", cancellationToken),
            };

    /// <summary>
    /// A payment started before payers were sealed carries them clear in its history, which cannot be rewritten; such a
    /// value has no sealed shape (an openid, a code or an address has no "v2." prefix and three dots) and is taken as is.
    /// </summary>
    public async Task<PayerInput?> OpenAsync(PayerInput? payer, string merchantId, string paymentId, CancellationToken cancellationToken) =>
        payer is null
            ? null
            : payer with
            {
                Id = await OpenAsync(payer.Id, merchantId, paymentId, "id", cancellationToken),
                PaymentCode = await OpenAsync(payer.PaymentCode, merchantId, paymentId, "payment_code", cancellationToken),
                ClientIp = await OpenAsync(payer.ClientIp, merchantId, paymentId, "client_ip", cancellationToken),
                DeviceId = await OpenAsync(payer.DeviceId, merchantId, paymentId, "device_id", cancellationToken),
            };

    private async Task<string?> SealAsync(string? value, string merchantId, string paymentId, string field, CancellationToken cancellationToken) =>
        value is null ? null : await envelope.SealAsync(value, Context(merchantId, paymentId, field), cancellationToken);

    private async Task<string?> OpenAsync(string? value, string merchantId, string paymentId, string field, CancellationToken cancellationToken) =>
        SecretEnvelope.IsSealed(value) ? await envelope.OpenAsync(value!, Context(merchantId, paymentId, field), cancellationToken) : value;
}
