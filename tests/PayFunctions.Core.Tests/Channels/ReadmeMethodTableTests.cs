using System.Text;
using PayFunctions.Channels;

namespace PayFunctions.Core.Tests.Channels;

/// <summary>
/// The README's table of payment methods is the channels' capabilities written out: a method added, dropped or
/// changed in a module fails this test until the table says the same (the failure shows the table to paste).
/// </summary>
public sealed class ReadmeMethodTableTests
{
    private const string Start = "<!-- methods:start -->";
    private const string End = "<!-- methods:end -->";

    [Fact]
    public void ReadmeTable_MatchesChannelCatalog()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md has no {Start} … {End} block.");

        var documented = readme[(start + Start.Length)..end].Trim('\n');
        var expected = Table();
        Assert.True(documented == expected, $"README.md's method table differs from ChannelCatalog. It should read:\n{expected}");
    }

    /// <summary>One row per method of every channel, in catalog order.</summary>
    public static string Table()
    {
        var table = new StringBuilder()
            .Append("| method | channel | scenario | next_action | currencies | payer details required |\n")
            .Append("| --- | --- | --- | --- | --- | --- |\n");
        foreach (var channel in ChannelCatalog.All.Select(m => m.Capabilities))
        {
            foreach (var method in channel.Methods)
            {
                table.Append($"| `{method.Method}` | {channel.DisplayName} | {Scenario(method.NextAction)} | {NextAction(method.NextAction)} | ")
                    .Append(string.Join(", ", method.Currencies.Select(c => $"`{c.ToLowerInvariant()}`")))
                    .Append($" | {Requirements(method)} |\n");
            }
        }

        return table.ToString().TrimEnd('\n');
    }

    private static string Scenario(NextActionType type) => type switch
    {
        NextActionType.DisplayQrCode => "the payer scans a QR code",
        NextActionType.RedirectToUrl => "the payer's browser goes to the channel's page",
        NextActionType.UseSdk => "the merchant's app or page calls the channel's SDK",
        NextActionType.None => "the till scans the payer's payment code",
        NextActionType.DisplayTransferInstructions => "the payer sends a transfer quoting the payment's reference",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string NextAction(NextActionType type) => type switch
    {
        NextActionType.DisplayQrCode => "`display_qr_code`",
        NextActionType.RedirectToUrl => "`redirect_to_url`",
        NextActionType.UseSdk => "`use_sdk`",
        NextActionType.None => "none",
        NextActionType.DisplayTransferInstructions => "`display_transfer_instructions`",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string Requirements(PaymentMethodCapability method)
    {
        var details = new List<string>();
        if (method.Requires.HasFlag(PayFunctions.Channels.PayerDetails.PayerId))
        {
            details.Add("`payer.id`");
        }

        if (method.Requires.HasFlag(PayFunctions.Channels.PayerDetails.ClientIp))
        {
            details.Add("`payer.ip`");
        }

        if (method.Requires.HasFlag(PayFunctions.Channels.PayerDetails.ReturnUrl))
        {
            details.Add("`return_url`");
        }

        if (method.Requires.HasFlag(PayFunctions.Channels.PayerDetails.PaymentCode))
        {
            details.Add(method.PaymentCodePattern is { } pattern
                ? $"`payment_code` matching `{pattern.ToString().Replace("|", "\\|", StringComparison.Ordinal)}`"
                : "`payment_code`");
        }

        return details.Count == 0 ? "none" : string.Join(", ", details);
    }
}
