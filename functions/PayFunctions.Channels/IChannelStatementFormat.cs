namespace PayFunctions.Channels;

/// <summary>
/// Implemented by the module of a channel that declares <see cref="ChannelOperations.Statements"/>: reads the channel's
/// statement file in its published format, one line at a time, so a statement of any size is read in bounded memory.
/// </summary>
public interface IChannelStatementFormat
{
    /// <summary>Reads every movement of <paramref name="statement"/>; summary and header lines are checked, not returned.</summary>
    /// <exception cref="FormatException">The file is not a statement of this channel, or is damaged.</exception>
    IAsyncEnumerable<ChannelStatementLine> ReadAsync(Stream statement, CancellationToken cancellationToken);
}
