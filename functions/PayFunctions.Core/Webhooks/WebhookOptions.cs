namespace PayFunctions.Core.Webhooks;

/// <summary>Where merchant webhooks may be delivered.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Development only: webhook URLs may use http and reach loopback and private addresses (the
    /// sandbox's webhook sink). Off by default and never provisioned in Azure; cloud metadata,
    /// link-local, multicast and reserved addresses stay blocked either way.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
