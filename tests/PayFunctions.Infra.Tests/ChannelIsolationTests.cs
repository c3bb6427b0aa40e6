using PayFunctions.Channels;

namespace PayFunctions.Infra.Tests;

/// <summary>
/// A channel is a module: its name, configuration key and types appear only in its own folders (the
/// adapter in PayFunctions.Channels, the simulator in the sandbox), in its one registration line in
/// <see cref="ChannelCatalog"/>, and in the sandbox's registration of its simulator. Everything else
/// reads the channel list from the catalog, so adding a channel touches nothing else.
/// </summary>
public sealed class ChannelIsolationTests
{
    // Connected accounts' payout rails (a bank account, or a WeChat Pay balance by openid) are how a
    // split receiver is paid out, not a payment channel; they name the rail until payouts are modules too.
    private static readonly string[] PayoutRailFiles =
    [
        "functions/PayFunctions.Core/Accounts/AccountEntity.cs",
        "functions/PayFunctions.Core/Accounts/AccountResource.cs",
        "functions/PayFunctions.Core/Accounts/CreateAccountRequest.cs",
        "functions/PayFunctions.Core/Accounts/CreateAccountValidator.cs",
    ];

    private static readonly string[] SourceRoots = ["functions", "tools/ChannelSandbox", "infra", "scripts"];
    private static readonly string[] SourceExtensions = [".cs", ".bicep", ".sh", ".csproj"];

    public static TheoryData<string> Channels => [.. ChannelCatalog.All.Select(m => m.Capabilities.Name)];

    [Theory]
    [MemberData(nameof(Channels))]
    public void Nothing_outside_the_channels_folders_names_it(string channel)
    {
        var module = ChannelCatalog.All.Single(m => m.Capabilities.Name == channel);
        var folder = Folder(module);
        var names = Names(module);

        // A channel whose name contains this one's (alipay_plus, alipay) says it on every line of its own folders and of its
        // registration: there the longer name is that channel, not this one. Its folders may still not use this one's code.
        var containing = ChannelCatalog.All.Where(m => m != module && Names(m).Any(n => names.Any(own => n.Length > own.Length && n.Contains(own, StringComparison.OrdinalIgnoreCase)))).ToList();
        var longerNames = containing.SelectMany(Names).Where(n => names.Any(own => n.Length > own.Length && n.Contains(own, StringComparison.OrdinalIgnoreCase))).ToList();
        var containingFolders = containing.SelectMany(m => OwnFolders(Folder(m))).ToList();
        var ownFolders = OwnFolders(folder);

        var offending = SourceFiles()
            .Where(f => !ownFolders.Any(own => f.StartsWith(own, StringComparison.Ordinal)) && !PayoutRailFiles.Contains(f))
            .SelectMany(f => File.ReadLines(Path.Combine(Bicep.RepositoryRoot, f)).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => containingFolders.Any(other => l.File.StartsWith(other, StringComparison.Ordinal))
                ? UsesCodeOf(l.Text, folder)
                : names.Any(n => Without(l.Text, longerNames).Contains(n, StringComparison.OrdinalIgnoreCase)) && !IsRegistration(l.File, l.Text, folder))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, $"{channel} is named outside its folders:\n{string.Join('\n', offending)}");
    }

    [Fact]
    public void The_check_sees_a_channel_named_in_core()
    {
        var module = ChannelCatalog.All[0];
        var folder = module.GetType().Namespace!.Split('.')[^1];

        Assert.False(IsRegistration("functions/PayFunctions.Core/Payments/PaymentEndpoints.cs", $"new {folder}Module()", folder));
        Assert.True(IsRegistration("functions/PayFunctions.Channels/ChannelCatalog.cs", $"        new {folder}Module(),", folder));
        Assert.Contains(SourceFiles(), f => f.StartsWith("functions/PayFunctions.Core/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_channel_containing_anothers_name_may_not_use_its_code()
    {
        Assert.True(UsesCodeOf("using PayFunctions.Channels.Alipay;", "Alipay"));
        Assert.True(UsesCodeOf("var x = ChannelSandbox.Alipay.AlipayKeys.StateFileName;", "Alipay"));
        Assert.False(UsesCodeOf("namespace PayFunctions.Channels.AlipayPlus;", "Alipay"));
        Assert.Equal("new Module(), // alipay", Without("new AlipayPlusModule(), // alipay", ["AlipayPlus"]));
    }

    private static string Folder(IChannelModule module) => module.GetType().Namespace!.Split('.')[^1];

    private static string[] Names(IChannelModule module) =>
        [Folder(module), module.Capabilities.Name, module.Capabilities.Name.Replace('_', '-'), module.Capabilities.ConfigurationKey];

    private static string[] OwnFolders(string folder) => [$"functions/PayFunctions.Channels/{folder}/", $"tools/ChannelSandbox/{folder}/"];

    private static bool UsesCodeOf(string line, string folder) =>
        System.Text.RegularExpressions.Regex.IsMatch(line, $@"\b(PayFunctions\.Channels|ChannelSandbox)\.{folder}\b");

    private static string Without(string line, IEnumerable<string> names) =>
        names.Aggregate(line, (text, name) => text.Replace(name, string.Empty, StringComparison.OrdinalIgnoreCase));

    private static bool IsRegistration(string file, string line, string folder) => file switch
    {
        "functions/PayFunctions.Channels/ChannelCatalog.cs" =>
            line.Trim() == $"new {folder}Module()," || line.Trim() == $"using PayFunctions.Channels.{folder};",
        "tools/ChannelSandbox/SandboxApp.cs" =>
            line.Trim().StartsWith($"using ChannelSandbox.{folder}", StringComparison.Ordinal)
            || line.Contains($"Add{folder}Simulator(", StringComparison.Ordinal)
            || line.Contains($"Map{folder}Simulator(", StringComparison.Ordinal),
        _ => false,
    };

    private static IEnumerable<string> SourceFiles() =>
        SourceRoots
            .SelectMany(root => Directory.EnumerateFiles(Path.Combine(Bicep.RepositoryRoot, root), "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Bicep.RepositoryRoot, f).Replace('\\', '/'))
            .Where(f => SourceExtensions.Contains(Path.GetExtension(f)) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));
}
