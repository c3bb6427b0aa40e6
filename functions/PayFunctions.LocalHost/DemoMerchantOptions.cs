namespace PayFunctions.LocalHost;

/// <summary>The documented demo merchant a developer machine gets, with fixed test credentials.</summary>
public sealed class DemoMerchantOptions
{
    public const string SectionName = "DemoMerchant";

    public bool Enabled { get; set; }

    public string Id { get; set; } = "mch_demo";

    public string Name { get; set; } = "Demo Coffee";

    public string ApiKey { get; set; } = "";

    public string WebhookUrl { get; set; } = "";

    public string WebhookSecret { get; set; } = "";

    /// <summary>The bootstrap operator's key (the secret the post-provision hook generates in Azure).</summary>
    public string OperatorKey { get; set; } = "";

    public int FeeBasisPoints { get; set; }
}
