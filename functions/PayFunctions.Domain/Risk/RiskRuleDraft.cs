namespace PayFunctions.Domain.Risk;

/// <summary>
/// A rule as a merchant or operator writes it (the body of the rule routes, snake_case on the wire), before
/// <see cref="RiskRuleValidator"/> checks it. Only the fields of its <see cref="Kind"/> may be set.
/// </summary>
/// <param name="Kind"><c>velocity</c>, <c>card_testing</c>, <c>amount_outlier</c>, <c>unusual_region</c>, <c>ip_country_mismatch</c>, <c>impossible_travel</c>, <c>list</c> or <c>score</c>.</param>
/// <param name="Action"><c>allow</c>, <c>review</c> or <c>block</c>.</param>
/// <param name="Stages"><c>before_channel</c> and/or <c>on_result</c>; both when not sent.</param>
/// <param name="Description">Up to 200 printable characters, shown with the decision.</param>
/// <param name="Key">velocity and card_testing: <c>payer</c>, <c>ip</c>, <c>device</c>, <c>card</c> or <c>merchant</c>.</param>
/// <param name="Window">velocity: <c>1m</c>, <c>10m</c>, <c>1h</c> or <c>24h</c>.</param>
/// <param name="MaxCount">velocity: fires when the key's payments in the window, this one included, exceed it.</param>
/// <param name="MaxAmount">velocity, with <paramref name="Currency"/>: fires when their sum in minor units, this one included, exceeds it.</param>
/// <param name="Currency">velocity: the ISO 4217 currency of <paramref name="MaxAmount"/>; payments in other currencies are not summed.</param>
/// <param name="MinCount">card_testing: fires when the key's small payments in 10 minutes, this one included, reach it.</param>
/// <param name="MinZ">amount_outlier: fires when the amount's z-score, in absolute value, reaches it.</param>
/// <param name="MaxShare">unusual_region: fires when the merchant's share of payments from the region is below it.</param>
/// <param name="MinKmh">impossible_travel: fires when the speed since the payer's last payment reaches it.</param>
/// <param name="MinScore">score: fires when the learned score reaches it.</param>
/// <param name="Field">list: <c>payer_id</c>, <c>ip</c>, <c>device_id</c>, <c>card_fingerprint</c>, <c>payer_country</c> or <c>ip_region</c>.</param>
/// <param name="Values">list: up to 1000 values of up to 128 characters.</param>
public sealed record RiskRuleDraft(
    string? Kind,
    string? Action,
    IReadOnlyList<string?>? Stages = null,
    string? Description = null,
    string? Key = null,
    string? Window = null,
    int? MaxCount = null,
    long? MaxAmount = null,
    string? Currency = null,
    int? MinCount = null,
    double? MinZ = null,
    double? MaxShare = null,
    double? MinKmh = null,
    double? MinScore = null,
    string? Field = null,
    IReadOnlyList<string?>? Values = null);
