namespace PayFunctions.FuzzTargets;

/// <summary>
/// Every target with a single input of bytes, by name (the corpus folder's name). The CsCheck suite also fuzzes what
/// has more than one input (a callback's headers beside its body, generated clean documents) around these.
/// </summary>
public static class FuzzTargetTable
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
        [.. ApiTargets.All, MoneyTargets.Amounts, AnswerTargets.ChannelAnswers, .. StatementTargets.All, .. ChannelTargets.All];

    public static FuzzTarget Named(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no fuzz target {name}", nameof(name));
}
