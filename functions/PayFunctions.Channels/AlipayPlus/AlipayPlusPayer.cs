using System.Text.Json;

namespace PayFunctions.Channels.AlipayPlus;

/// <summary>
/// The payer as <c>notifyPayment</c> and <c>inquiryPayment</c> report them in <c>pspCustomerInfo</c>: the payer's id at
/// their wallet (<c>pspCustomerId</c>) and the wallet (<c>pspName</c>) as the funding source. <c>displayCustomerId</c>
/// (a masked phone number or login) is not taken; no country is reported.
/// </summary>
internal static class AlipayPlusPayer
{
    public static ChannelPayer? Of(AlipayPlusAnswer answer)
    {
        var info = answer.Property("pspCustomerInfo");
        return info.ValueKind == JsonValueKind.Object
            ? ChannelPayers.From(JsonText.Of(info, "pspCustomerId"), JsonText.Of(info, "pspName"), null, null)
            : null;
    }
}
