using PayFunctions.Core.Channels;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>One of the platform's accounts at a channel, as a merchant names it in routing rules and fees.</summary>
/// <param name="IsDefault">The account a payment uses when no rule of the merchant's names one.</param>
public sealed record ChannelAccountResource(
    string Object,
    string ChannelAccount,
    string Channel,
    string Account,
    bool IsDefault,
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> Currencies)
{
    public static ChannelAccountResource From(string channel, string account, bool isDefault)
    {
        var methods = ChannelRegistry.Module(channel).Capabilities.Methods;
        return new(
            "channel_account",
            new ChannelAccountId(channel, account).ToString(),
            channel,
            account,
            isDefault,
            [.. methods.Select(m => m.Method)],
            [.. methods.SelectMany(m => m.Currencies).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }
}
