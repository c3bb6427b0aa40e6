namespace PayFunctions.Domain.Routing;

/// <summary>One of the platform's accounts at a channel: a channel name and the account's id there, written <c>channel/account</c>.</summary>
public readonly record struct ChannelAccountId(string Channel, string Account)
{
    /// <summary>The account as <c>channel/account</c>.</summary>
    public override string ToString() => Channel + "/" + Account;
}
