namespace PayFunctions.Core.Notifications;

/// <summary>The channel's accounts whose keys verify a notification, asked about one account at a time.</summary>
public interface IVerifiedAccounts
{
    ValueTask<bool> IncludesAsync(string account, CancellationToken cancellationToken);
}
