namespace PayFunctions.Channels;

/// <summary>An HTTP answer to a channel's callback, written by the host as-is.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ContentType">The Content-Type of <paramref name="Body"/>.</param>
/// <param name="Body">The response body; may be empty.</param>
public sealed record ChannelReply(int StatusCode, string ContentType, string Body);
