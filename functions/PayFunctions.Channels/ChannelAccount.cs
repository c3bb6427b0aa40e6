namespace PayFunctions.Channels;

/// <summary>
/// One of the platform's merchant accounts at a channel (a merchant id or an app registered with the
/// channel): its settings from configuration and its secrets from the secret store.
/// <see cref="object.ToString"/> names the account only, so the secrets never reach a log.
/// </summary>
/// <param name="Id">The account's id on the platform, e.g. "main"; lower-case letters, digits and dashes.</param>
/// <param name="Settings">The account's configuration section, flattened: "MchId" → "1900000109".</param>
/// <param name="Secrets">The account's secrets by the names its channel declares.</param>
public sealed record ChannelAccount(string Id, IReadOnlyDictionary<string, string> Settings, IReadOnlyDictionary<string, string> Secrets)
{
    /// <summary>
    /// Where the platform takes this channel's callbacks (<c>{public base}/api/notify/{channel}</c>), for
    /// operations whose request carries no callback address of its own.
    /// </summary>
    public Uri? NotifyUrl { get; init; }

    /// <summary>Where the account's adapter leaves files for a channel that takes instructions by file; null where there is none.</summary>
    public IChannelOutbox? Outbox { get; init; }

    /// <summary>A setting the channel cannot do without.</summary>
    /// <exception cref="ArgumentException">It is missing or blank.</exception>
    public string Setting(string name) =>
        Settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"Channel account '{Id}' has no setting '{name}'.", nameof(name));

    /// <summary>A setting that may be absent.</summary>
    public string? OptionalSetting(string name) =>
        Settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>A secret the channel declared.</summary>
    /// <exception cref="ArgumentException">It is missing.</exception>
    public string Secret(string name) =>
        Secrets.TryGetValue(name, out var value) ? value : throw new ArgumentException($"Channel account '{Id}' has no secret '{name}'.", nameof(name));

    /// <inheritdoc />
    public override string ToString() => $"ChannelAccount {{ Id = {Id} }}";
}
