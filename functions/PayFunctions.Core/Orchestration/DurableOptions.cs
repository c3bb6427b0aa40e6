namespace PayFunctions.Core.Orchestration;

/// <summary>The Durable task hub shared by the orchestrations; host.json reads the same setting.</summary>
public sealed class DurableOptions
{
    public const string SectionName = "Durable";

    public string TaskHub { get; set; } = "payfunctions";
}
