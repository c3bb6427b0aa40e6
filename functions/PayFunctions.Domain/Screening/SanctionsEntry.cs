namespace PayFunctions.Domain.Screening;

/// <summary>The published list an entry was read from.</summary>
public enum SanctionsListSource
{
    /// <summary>The US Treasury's Specially Designated Nationals list (OFAC, sdn.xml).</summary>
    OfacSdn,

    /// <summary>The UN Security Council's consolidated list (consolidated.xml).</summary>
    UnConsolidated,
}

/// <summary>What a listed party is; OFAC also lists vessels and aircraft, which are screened by name like entities.</summary>
public enum SanctionedPartyType
{
    /// <summary>A person.</summary>
    Individual,

    /// <summary>A company, organisation or group.</summary>
    Entity,

    /// <summary>A ship (OFAC only).</summary>
    Vessel,

    /// <summary>An aircraft (OFAC only).</summary>
    Aircraft,
}

/// <summary>
/// How much a name says about the party. OFAC marks each a.k.a. <c>strong</c> or <c>weak</c> and the UN each alias
/// <c>Good</c> or <c>Low</c>; a weak alias is broad (a nickname, a short form) and more likely to hit an innocent
/// party, so a hit on one is reported as such for the reviewer to weigh.
/// </summary>
public enum NameQuality
{
    /// <summary>The party's listed name.</summary>
    Primary,

    /// <summary>An alias the list calls strong (OFAC) or good (UN).</summary>
    Strong,

    /// <summary>An alias the list calls weak (OFAC) or low-quality (UN).</summary>
    Weak,
}

/// <summary>One other name under which a party is listed.</summary>
public sealed record SanctionsAlias(string Name, NameQuality Quality);

/// <summary>
/// One listed party, in the shape both lists share once read: the list's own id (OFAC's <c>uid</c>, the UN's
/// <c>DATAID</c>), its reference where the list has one (the UN's <c>REFERENCE_NUMBER</c>, e.g. <c>QDi.001</c>), the
/// primary name with its parts joined in the list's order, the aliases, and the sanctions programmes that list it.
/// </summary>
public sealed record SanctionsEntry(
    SanctionsListSource Source,
    string Id,
    string? Reference,
    SanctionedPartyType Type,
    string PrimaryName,
    IReadOnlyList<SanctionsAlias> Aliases,
    IReadOnlyList<string> Programmes);
