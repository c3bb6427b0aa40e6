namespace PayFunctions.Channels;

/// <summary>
/// An adapter whose wallet tells a web page who its payer is through the wallet's OAuth (e.g. a WeChat
/// official account's web authorization), for in-app methods that need the payer's id at the channel
/// (<see cref="PayerDetails.PayerId"/>). The platform sends the payer's browser to <see cref="AuthorizeUrl"/>;
/// the wallet sends it back to the redirect address with a one-time code, which <see cref="PayerIdAsync"/>
/// exchanges for the payer's id.
/// </summary>
public interface IPayerAuthorization
{
    /// <summary>Where to send the payer's browser; the wallet sends it back to <paramref name="redirectUri"/> with <c>code</c> and <c>state</c>.</summary>
    /// <param name="redirectUri">The platform's absolute callback address.</param>
    /// <param name="state">Returned unchanged: at most 128 ASCII letters and digits, the strictest any wallet documents.</param>
    Uri AuthorizeUrl(Uri redirectUri, string state);

    /// <summary>The payer's id at the channel, for the one-time <paramref name="code"/> the wallet returned.</summary>
    /// <exception cref="ChannelException">The channel refused the code (expired, used, unknown) or could not be reached.</exception>
    Task<string> PayerIdAsync(string code, CancellationToken cancellationToken);
}
