using System.Diagnostics.CodeAnalysis;

namespace PayFunctions.Channels;

/// <summary>Reads an address a channel's message names, before any of it is compared or followed.</summary>
public static class ChannelUrls
{
    /// <summary>
    /// Parses <paramref name="text"/> into an absolute http or https URL whose host and text can be read. The scheme is
    /// checked because on Unix <see cref="Uri"/> reads a bare path such as <c>/etc/passwd</c> as an absolute file URL.
    /// <see cref="Uri"/> also accepts some hosts (an unpaired surrogate, for one) whose IDN form it cannot compute and
    /// throws on reading them later, so both are read here once and such an address is refused like any malformed one.
    /// </summary>
    public static bool TryParseHttpUrl(string? text, [NotNullWhen(true)] out Uri? url)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            url = null;
            return false;
        }

        try
        {
            _ = url.IdnHost;
            _ = url.AbsoluteUri;
            return true;
        }
        catch (UriFormatException)
        {
            url = null;
            return false;
        }
    }
}
