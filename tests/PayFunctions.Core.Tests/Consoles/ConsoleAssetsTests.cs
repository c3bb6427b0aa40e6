using System.Text;
using System.Text.RegularExpressions;
using PayFunctions.Core.Consoles;

namespace PayFunctions.Core.Tests.Consoles;

public sealed partial class ConsoleAssetsTests
{
    [Fact]
    public void The_charting_library_and_the_map_are_embedded_with_the_consoles_own_files()
    {
        Assert.Contains("echarts.min.js", ConsoleAssets.Names);
        Assert.Contains("registerMap('china'", Text("china.js"), StringComparison.Ordinal);
        Assert.Equal("text/javascript; charset=utf-8", ConsoleAssets.Required("merchant.js").ContentType);
        Assert.Equal("text/css; charset=utf-8", ConsoleAssets.Required("console.css").ContentType);
    }

    [Theory]
    [InlineData("merchant.html")]
    [InlineData("operator.html")]
    public void Every_file_a_shell_names_is_embedded(string shell)
    {
        var named = VersionRef().Matches(Text(shell)).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.NotNull(ConsoleAssets.Find(name)));
    }

    [Fact]
    public void Every_module_a_module_imports_is_embedded_and_no_file_holds_inline_script_or_style()
    {
        foreach (var name in ConsoleAssets.Names.Where(n => n.EndsWith(".js", StringComparison.Ordinal) && !n.StartsWith("echarts", StringComparison.Ordinal) && n != "china.js"))
        {
            Assert.All(ImportRef().Matches(Text(name)).Select(m => m.Groups[1].Value), imported => Assert.NotNull(ConsoleAssets.Find(imported)));
            Assert.DoesNotContain("innerHTML", Text(name), StringComparison.Ordinal);
        }

        foreach (var shell in new[] { "merchant.html", "operator.html" })
        {
            Assert.DoesNotMatch(InlineScript(), Text(shell));
            Assert.DoesNotContain("<style", Text(shell), StringComparison.Ordinal);
            Assert.DoesNotContain("style=", Text(shell), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_version_is_the_digest_of_the_bytes()
    {
        var a = ConsoleAssets.Required("api.js");
        var b = ConsoleAssets.Required("dom.js");

        Assert.Matches("^[0-9a-f]{20}$", a.Version);
        Assert.NotEqual(a.Version, b.Version);
        Assert.Equal($"\"{a.Version}\"", a.ETag);
    }

    [Theory]
    [InlineData("../appsettings.json")]
    [InlineData("PayFunctions.Core.dll")]
    [InlineData("")]
    [InlineData(null)]
    public void A_name_outside_the_embedded_set_finds_nothing(string? name) => Assert.Null(ConsoleAssets.Find(name));

    private static string Text(string name) => Encoding.UTF8.GetString(ConsoleAssets.Required(name).Content);

    [GeneratedRegex(@"\{\{v:([^}]+)\}\}")]
    private static partial Regex VersionRef();

    [GeneratedRegex(@"from '\./([a-z]+\.js)'")]
    private static partial Regex ImportRef();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
