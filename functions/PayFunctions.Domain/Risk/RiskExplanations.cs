using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PayFunctions.Domain.Risk;

/// <summary>
/// How a rule that fired says what it saw. Decisions are shown to merchants and kept with the payment, so a payer's
/// id, device, card fingerprint and IP address are personal data and are masked: an id keeps its last characters
/// (enough to tell two apart in a list, not to recover one), an IPv4 address its /24 and an IPv6 address its /48,
/// the network a fraud team would block. Countries and regions are written out: they identify no one.
/// </summary>
public static class RiskExplanations
{
    /// <summary>A caller-supplied id with all but its last characters hidden: <c>…7f3a</c>.</summary>
    public static string MaskId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shown = value.Length >= 12 ? 4 : value.Length >= 6 ? 2 : 0;
        return "…" + value[^shown..];
    }

    /// <summary>An IP address reduced to its network: <c>203.0.113.*</c>, <c>2001:db8:1::*</c>; anything else is hidden entirely.</summary>
    public static string MaskIp(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IPAddress.TryParse(value, out var address))
        {
            return "…";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes[0]}.{bytes[1]}.{bytes[2]}.*")
            : string.Create(CultureInfo.InvariantCulture, $"{(bytes[0] << 8) | bytes[1]:x}:{(bytes[2] << 8) | bytes[3]:x}:{(bytes[4] << 8) | bytes[5]:x}::*");
    }

    /// <summary>Whose payments a key counts, masked: <c>IP 203.0.113.*</c>, <c>payer …89</c>, <c>the merchant</c>.</summary>
    public static string KeyOf(RiskKey key, RiskFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return key switch
        {
            RiskKey.Payer => "payer " + MaskId(facts.PayerId ?? ""),
            RiskKey.Ip => "IP " + MaskIp(facts.PayerIp ?? ""),
            RiskKey.Device => "device " + MaskId(facts.DeviceId ?? ""),
            RiskKey.Card => "card " + MaskId(facts.CardFingerprint ?? ""),
            _ => "the merchant",
        };
    }

    /// <summary>A list rule's fact, masked as its kind requires.</summary>
    public static string FieldOf(RiskListField field, string value) => field switch
    {
        RiskListField.Ip => "IP " + MaskIp(value),
        RiskListField.PayerId => "payer " + MaskId(value),
        RiskListField.DeviceId => "device " + MaskId(value),
        RiskListField.CardFingerprint => "card " + MaskId(value),
        RiskListField.PayerCountry => "payer country " + value,
        _ => "IP region " + value,
    };

    /// <summary>A window in words: <c>10 minutes</c>.</summary>
    public static string WindowOf(RiskWindow window) => window switch
    {
        RiskWindow.OneMinute => "1 minute",
        RiskWindow.TenMinutes => "10 minutes",
        RiskWindow.OneHour => "1 hour",
        _ => "24 hours",
    };

    /// <summary>An amount in major units with its currency, as <see cref="Money.ToString"/> writes it.</summary>
    public static string AmountOf(long minorUnits, Currency currency) => new Money(minorUnits, currency).ToString();

    /// <summary>A number as explanations write it: invariant, at most <paramref name="decimals"/> decimals.</summary>
    public static string NumberOf(double value, int decimals = 2) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
