using System.Text.Json;
using PayFunctions.Domain;

namespace PayFunctions.Channels.PayPal;

/// <summary>
/// PayPal's order, capture and refund statuses in the platform's terms. An order of intent CAPTURE moves no money when
/// the payer approves it: APPROVED is <see cref="ChannelTradeState.Authorized"/> until the merchant captures it.
/// </summary>
internal static class PayPalOrderStates
{
    /// <summary>
    /// The order as the platform sees it; its one purchase unit names the platform's order (<c>invoice_id</c>). The payer is
    /// <c>payer.payer_id</c> and <c>payer.address.country_code</c>; PayPal names no bank or card.
    /// </summary>
    /// <exception cref="JsonException">The order lacks what every order has.</exception>
    public static ChannelOrder ToChannelOrder(PayPalOrder order)
    {
        var unit = (order.PurchaseUnits is { Count: > 0 } units ? units[0] : null) ?? throw new JsonException("The order has no purchase unit.");
        var outTradeNo = unit.InvoiceId ?? throw new JsonException("The purchase unit has no invoice_id.");
        var orderAmount = ReadAmount(unit.Amount);
        var capture = unit.Payments?.Captures is { Count: > 0 } captures ? captures[0] : null;
        var state = order.Status switch
        {
            "CREATED" or "SAVED" or "PAYER_ACTION_REQUIRED" => ChannelTradeState.NotPaid,
            "APPROVED" => ChannelTradeState.Authorized,
            "VOIDED" => ChannelTradeState.Closed,
            "COMPLETED" => CaptureState((capture ?? throw new JsonException("A completed order has no capture.")).Status),
            _ => throw new JsonException($"Unknown order status {order.Status}."),
        };
        var payer = PayerOf(order.Payer);
        if (capture is null || state is ChannelTradeState.NotPaid or ChannelTradeState.Authorized or ChannelTradeState.Closed)
        {
            return new ChannelOrder(outTradeNo, state, null, orderAmount, null) { Payer = payer };
        }

        var captured = capture.Amount is null ? orderAmount : ReadAmount(capture.Amount);
        var paidAt = state is ChannelTradeState.Succeeded or ChannelTradeState.Refunded ? capture.UpdateTime ?? capture.CreateTime : null;
        return new ChannelOrder(outTradeNo, state, capture.Id, captured, paidAt) { Payer = payer };
    }

    /// <summary>
    /// The order's <c>payer</c>: <c>payer_id</c>, <c>address.country_code</c> and <c>name</c> (<c>given_name</c> and
    /// <c>surname</c>, either of which may be missing); e-mail and phone are not read.
    /// </summary>
    public static ChannelPayer? PayerOf(JsonElement payer) =>
        payer.ValueKind == JsonValueKind.Object
            ? ChannelPayers.From(
                JsonText.Of(payer, "payer_id"),
                null,
                payer.TryGetProperty("address", out var address) ? JsonText.Of(address, "country_code") : null,
                null,
                payer.TryGetProperty("name", out var name) ? NameOf(name) : null)
            : null;

    private static string NameOf(JsonElement name) =>
        string.Join(' ', new[] { JsonText.Of(name, "given_name"), JsonText.Of(name, "surname") }.Select(n => n?.Trim()).Where(n => n is { Length: > 0 }));

    /// <summary>A capture's status: COMPLETED paid, PENDING still clearing, (PARTIALLY_)REFUNDED paid and given back, DECLINED or FAILED not paid.</summary>
    public static ChannelTradeState CaptureState(string? status) => status switch
    {
        "COMPLETED" => ChannelTradeState.Succeeded,
        "PENDING" => ChannelTradeState.Paying,
        "PARTIALLY_REFUNDED" or "REFUNDED" => ChannelTradeState.Refunded,
        "DECLINED" or "FAILED" => ChannelTradeState.Failed,
        _ => throw new JsonException($"Unknown capture status {status}."),
    };

    /// <summary>A refund as the platform sees it: COMPLETED succeeded, PENDING processing, CANCELLED or FAILED failed.</summary>
    public static ChannelRefund ToChannelRefund(PayPalRefund refund, string outRefundNo)
    {
        var state = refund.Status switch
        {
            "COMPLETED" => ChannelRefundState.Succeeded,
            "PENDING" => ChannelRefundState.Processing,
            "CANCELLED" or "FAILED" => ChannelRefundState.Failed,
            _ => throw new JsonException($"Unknown refund status {refund.Status}."),
        };
        Money? amount = refund.Amount is null ? null : ReadAmount(refund.Amount);
        return new ChannelRefund(outRefundNo, state, refund.Id, amount, state == ChannelRefundState.Processing ? null : refund.UpdateTime ?? refund.CreateTime);
    }

    private static Money ReadAmount(PayPalMoney? amount) =>
        PayPalAmounts.TryParse(amount?.Value, amount?.CurrencyCode, out var money) ? money : throw new JsonException("An amount is not a PayPal amount.");
}
