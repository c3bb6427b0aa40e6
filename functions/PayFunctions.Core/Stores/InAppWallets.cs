using PayFunctions.Channels;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Checkout;
using PayFunctions.Domain;

namespace PayFunctions.Core.Stores;

/// <summary>
/// Which wallet's app browser opened a store code, from the markers each channel declares for its
/// User-Agent, and which methods to offer there. Any other browser gets every method.
/// </summary>
public static class InAppWallets
{
    public static IChannelModule? Detect(string? userAgent, ChannelRegistry channels, bool testMode)
    {
        ArgumentNullException.ThrowIfNull(channels);
        return string.IsNullOrEmpty(userAgent)
            ? null
            : ChannelCatalog.All.FirstOrDefault(m =>
                channels.IsConfigured(m.Capabilities.Name, testMode)
                && m.Capabilities.InAppBrowserMarkers.Any(marker => userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// The wallet's preferred in-app method that fits <paramref name="amount"/> when it needs the payer's id at the
    /// channel (which only the wallet's OAuth gives) and nothing else the page cannot supply; null otherwise.
    /// </summary>
    public static PaymentMethodCapability? PayerIdMethod(IChannelModule wallet, Money amount)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        var preferred = wallet.Capabilities.InAppMethods
            .Select(name => wallet.Capabilities.Methods.FirstOrDefault(m => m.Method == name))
            .FirstOrDefault(m => m is not null && CheckoutMethods.Fits(m, amount, CheckoutMethods.PageSupplies | PayerDetails.PayerId));
        return preferred is not null && preferred.Requires.HasFlag(PayerDetails.PayerId) ? preferred : null;
    }

    /// <summary>
    /// The wallet's first in-app method the page can start, to be chosen at once; or, when it has none
    /// (its in-app method needs a payer id only the wallet's OAuth gives), the wallet's methods the
    /// page can start, for the payer to pick; null for every method.
    /// </summary>
    public static (string? InApp, IReadOnlyList<string>? Offered) MethodsFor(IChannelModule? wallet, Money amount)
    {
        if (wallet is null)
        {
            return (null, null);
        }

        var fits = wallet.Capabilities.Methods.Where(m => CheckoutMethods.Fits(m, amount)).Select(m => m.Method).ToList();
        var inApp = wallet.Capabilities.InAppMethods.FirstOrDefault(fits.Contains);
        return inApp is not null ? (inApp, [inApp]) : (null, fits.Count > 0 ? fits : null);
    }
}
