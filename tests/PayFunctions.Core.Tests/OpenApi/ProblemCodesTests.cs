using System.Text.RegularExpressions;
using PayFunctions.Core.OpenApi;

namespace PayFunctions.Core.Tests.OpenApi;

/// <summary>
/// Reads the hosts' and Core's source for every problem the code can answer, so a code that is answered but not in
/// <see cref="ProblemCodes"/> (and so in no description), or listed with another status, fails here rather than
/// surprising a merchant.
/// </summary>
public sealed partial class ProblemCodesTests
{
    private static readonly Lazy<List<Emitted>> Scan = new(ScanSources);

    [Fact]
    public void Every_code_the_code_answers_is_listed_with_the_status_it_is_answered_with()
    {
        var problems = Scan.Value
            .Where(e => !ProblemCodes.Status.TryGetValue(e.Code, out var status) || (e.Status is { } answered && answered != status))
            .Select(e => $"{e.Code} ({e.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "status decided at run time"}) in {e.File}: "
                + (ProblemCodes.Status.TryGetValue(e.Code, out var listed) ? $"listed as {listed}" : "not listed"));

        Assert.True(!problems.Any(), string.Join("\n", problems));
    }

    [Fact]
    public void Every_listed_code_is_answered_somewhere()
    {
        var unanswered = ProblemCodes.Status.Keys.Except(Scan.Value.Select(e => e.Code), StringComparer.Ordinal).ToList();
        Assert.True(unanswered.Count == 0, string.Join(", ", unanswered));
    }

    [Fact]
    public void The_scan_finds_each_way_a_problem_is_written()
    {
        // A factory of ApiError, a multi-line constructor, a file's own conflict helper, a bare status, and a host's handler.
        Assert.Contains(Scan.Value, e => e is { Code: "api_key_invalid", Status: 401 });
        Assert.Contains(Scan.Value, e => e is { Code: "rate_limited", Status: 429 });
        Assert.Contains(Scan.Value, e => e is { Code: "review_voided", Status: 409 });
        Assert.Contains(Scan.Value, e => e is { Code: "payment_code_unrecognized", Status: 400 });
        Assert.Contains(Scan.Value, e => e is { Code: "request_too_large", Status: 413 } && e.File.Contains("LocalHost", StringComparison.Ordinal));
    }

    private static List<Emitted> ScanSources()
    {
        var emitted = new List<Emitted>();
        foreach (var project in new[] { "PayFunctions.Core", "PayFunctions.LocalHost", "PayFunctions.FunctionApp" })
        {
            var folder = Path.Combine(RepositoryRoot.Path, "functions", project);
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}OpenApi{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(file);
                var name = Path.GetRelativePath(RepositoryRoot.Path, file);
                emitted.AddRange(StatusThenCode().Matches(text).Select(m => new Emitted(m.Groups["code"].Value, int.Parse(m.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture), name)));
                emitted.AddRange(VariableStatusThenCode().Matches(text).Select(m => new Emitted(m.Groups["code"].Value, null, name)));

                // A helper taking the code and writing one status: each call of it in the same file answers that status.
                foreach (Match helper in CodeHelper().Matches(text))
                {
                    var status = int.Parse(helper.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    var calls = new Regex($@"\b{helper.Groups["name"].Value}\(\s*""(?<code>[a-z]+(?:_[a-z]+)+)""", RegexOptions.CultureInvariant);
                    emitted.AddRange(calls.Matches(text).Select(m => new Emitted(m.Groups["code"].Value, status, name)));
                }
            }
        }

        return emitted;
    }

    [GeneratedRegex(@"\bnew(?: ApiError)?\(\s*(?:StatusCodes\.Status)?(?<status>\d{3})\w*\s*,\s*""(?<code>[a-z]+(?:_[a-z]+)+)""", RegexOptions.CultureInvariant)]
    private static partial Regex StatusThenCode();

    [GeneratedRegex(@"new ApiError\(\s*[a-z]\w*\s*,\s*""(?<code>[a-z]+(?:_[a-z]+)+)""", RegexOptions.CultureInvariant)]
    private static partial Regex VariableStatusThenCode();

    [GeneratedRegex(@"\b(?<name>\w+)\(string code\b[^;{]*?(?:=>|\{)[^;]*?StatusCodes\.Status(?<status>\d{3})", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex CodeHelper();

    private sealed record Emitted(string Code, int? Status, string File);
}
