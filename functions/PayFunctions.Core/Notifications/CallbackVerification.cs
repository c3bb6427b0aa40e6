using PayFunctions.Channels;

namespace PayFunctions.Core.Notifications;

/// <summary>
/// Which of a channel's accounts verify one callback, found out no further than needed. A callback names its payment
/// only once read (some channels encrypt the body with the account's key), so <see cref="ReadAsync"/> tries the
/// accounts in turn, the default first, until one reads it; any other account verifies only when the dispatcher asks
/// about it (the payment's own account, when another account that shares its signing key read the callback). A callback
/// from the default account costs one verification however many accounts the channel has, and each account answers as
/// it would if all had been tried. One callback's, used by one request at a time.
/// </summary>
/// <param name="accounts">The channel's accounts, the default one first.</param>
/// <param name="read">Reads the callback with one account's keys; throws <see cref="ChannelNotificationException"/> when they do not verify it or its content cannot be used.</param>
public sealed class CallbackVerification(IReadOnlyList<string> accounts, Func<string, CancellationToken, Task<ChannelNotification>> read) : IVerifiedAccounts
{
    private readonly Dictionary<string, bool> verified = new(StringComparer.Ordinal);

    /// <summary>
    /// The callback as the first account whose keys verify it reads it. Refused when no account verifies it, or when the
    /// first account that does cannot use its content.
    /// </summary>
    public async Task<(ChannelNotification? Notification, ChannelNotificationException? Rejection)> ReadAsync(CancellationToken cancellationToken)
    {
        ChannelNotificationException? unauthenticated = null;
        foreach (var account in accounts)
        {
            try
            {
                var notification = await read(account, cancellationToken);
                verified[account] = true;
                return (notification, null);
            }
            catch (ChannelNotificationException e) when (e.IsAuthenticationFailure)
            {
                verified[account] = false;
                unauthenticated ??= e;
            }
            catch (ChannelNotificationException e)
            {
                return (null, e);
            }
        }

        return (null, unauthenticated);
    }

    public async ValueTask<bool> IncludesAsync(string account, CancellationToken cancellationToken)
    {
        if (!verified.TryGetValue(account, out var known))
        {
            known = accounts.Contains(account, StringComparer.Ordinal) && await VerifiesAsync(account, cancellationToken);
            verified[account] = known;
        }

        return known;
    }

    private async Task<bool> VerifiesAsync(string account, CancellationToken cancellationToken)
    {
        try
        {
            await read(account, cancellationToken);
            return true;
        }
        catch (ChannelNotificationException)
        {
            // Refused by this account's keys or rules: it is not this account's.
            return false;
        }
    }
}
