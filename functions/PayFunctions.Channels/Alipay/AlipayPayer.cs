using System.Text.Json;

namespace PayFunctions.Channels.Alipay;

/// <summary>
/// The payer as Alipay reports them: their user id (<c>buyer_id</c> in a notification, <c>buyer_user_id</c> in an answer;
/// <c>buyer_open_id</c> for an app in open-id mode, which gets no user id) and the fund channel that paid most of the
/// trade, from <c>fund_bill_list</c> (<c>ALIPAYACCOUNT</c> balance, <c>PCREDIT</c> Huabei, <c>BANKCARD</c>, …). Alipay
/// reports no country. The masked logon id (<c>buyer_logon_id</c>, part of a phone number or e-mail) is not taken.
/// </summary>
internal static class AlipayPayer
{
    /// <summary>From a notification, whose <c>fund_bill_list</c> is a JSON text of <c>fundChannel</c> and <c>amount</c>.</summary>
    public static ChannelPayer? FromNotification(Func<string, string?> field)
    {
        string? fundChannel = null;
        if (field("fund_bill_list") is { } list)
        {
            try
            {
                using var bills = JsonDocument.Parse(list);
                fundChannel = LargestFundChannel(bills.RootElement, "fundChannel");
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                // The list is the payer's detail, not the payment's: a damaged one leaves only the fund channel unknown.
            }
        }

        return ChannelPayers.From(field("buyer_id") ?? field("buyer_open_id"), fundChannel, null, null);
    }

    /// <summary>From an answer (<c>alipay.trade.query</c> with <c>query_options</c> fund_bill_list, <c>alipay.trade.pay</c>).</summary>
    public static ChannelPayer? FromAnswer(AlipayResponse response) =>
        ChannelPayers.From(
            JsonText.Of(response.Body, "buyer_user_id") ?? JsonText.Of(response.Body, "buyer_open_id"),
            response.Body.TryGetProperty("fund_bill_list", out var bills) ? LargestFundChannel(bills, "fund_channel") : null,
            null,
            null);

    /// <summary>The fund channel of the bill with the largest amount (the first of equals); bills without both are passed over.</summary>
    private static string? LargestFundChannel(JsonElement bills, string channelName)
    {
        if (bills.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        string? largest = null;
        var most = -1L;
        foreach (var bill in bills.EnumerateArray())
        {
            if (JsonText.Of(bill, channelName) is { } channel && AlipayFields.TryParseFen(JsonText.Of(bill, "amount"), out var fen) && fen > most)
            {
                largest = channel;
                most = fen;
            }
        }

        return largest;
    }
}
