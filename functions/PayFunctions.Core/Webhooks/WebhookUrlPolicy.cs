using System.Net;

namespace PayFunctions.Core.Webhooks;

/// <summary>
/// What a merchant's webhook URL may look like. Onboarding refuses the obviously bad ones up front;
/// the address a host name resolves to is judged again at every connection
/// (<see cref="WebhookConnector"/>), because DNS can change after registration.
/// </summary>
public static class WebhookUrlPolicy
{
    public const int MaxLength = 2048;

    // Names that never resolve to a public address: RFC 6761/6762 and the common internal suffixes.
    private static readonly string[] InternalSuffixes = [".localhost", ".local", ".internal", ".home.arpa", ".localdomain"];

    /// <summary>Why the URL is refused, or null when it is acceptable.</summary>
    public static string? Check(string? url, bool allowPrivateNetworks)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"webhook_url must be an absolute URL of at most {MaxLength} characters.";
        }

        return Check(uri, allowPrivateNetworks);
    }

    public static string? Check(Uri uri, bool allowPrivateNetworks)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowPrivateNetworks && uri.Scheme == Uri.UriSchemeHttp))
        {
            return "webhook_url must be an https URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "webhook_url must not carry credentials.";
        }

        switch (uri.HostNameType)
        {
            case UriHostNameType.IPv4 or UriHostNameType.IPv6:
                var kind = NetworkAddressClassifier.Classify(IPAddress.Parse(uri.DnsSafeHost));
                return NetworkAddressClassifier.IsAllowed(kind, allowPrivateNetworks)
                    ? null
                    : $"webhook_url must point to a public address, not a {Describe(kind)} one.";
            case UriHostNameType.Dns:
                return allowPrivateNetworks || IsPublicName(uri.IdnHost)
                    ? null
                    : "webhook_url must name a public, fully qualified host.";
            default:
                return "webhook_url must name a host.";
        }
    }

    public static string Describe(AddressKind kind) => kind switch
    {
        AddressKind.SharedAddressSpace => "shared (carrier-grade NAT)",
        AddressKind.LinkLocal => "link-local",
        AddressKind.CloudMetadata => "cloud metadata",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static bool IsPublicName(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        return name.Contains('.', StringComparison.Ordinal)
            && name != "localhost"
            && !InternalSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));
    }
}
