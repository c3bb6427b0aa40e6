namespace PayFunctions.Channels;

/// <summary>
/// Where an adapter leaves files for its channel to collect (a bank's ISO 20022 payment initiations), one folder per
/// channel account. The platform provides it on <see cref="ChannelAccount.Outbox"/>.
/// </summary>
public interface IChannelOutbox
{
    /// <summary>
    /// Leaves <paramref name="content"/> as <paramref name="fileName"/> unless a file of that name is already there: operations
    /// run at least once, and the channel must never collect a second copy of an instruction under another content.
    /// </summary>
    /// <returns>True when the file was written now, false when it already existed.</returns>
    Task<bool> PutAsync(string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}
