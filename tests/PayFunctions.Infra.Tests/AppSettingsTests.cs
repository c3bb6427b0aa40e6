using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PayFunctions.Core.Channels;
using PayFunctions.Core.Storage;

namespace PayFunctions.Infra.Tests;

public partial class AppSettingsTests
{
    // Settings the app binds in Azure; each must be provisioned and must name a property in code.
    public static TheoryData<string> BoundSettings =>
    [
        "Storage__AccountName",
        "Durable__TaskHub",
        "ChannelWork__Transport",
        "ChannelWork__ServiceBusNamespace",
        "Secrets__KeyVaultUri",
        "Api__PublicBaseUrl",
        "Settlement__TimeZone",
    ];

    // Settings the Functions host and the Azure SDK read, not options classes of the app.
    private static readonly string[] PlatformPrefixes = ["AzureWebJobsStorage__"];

    private static readonly Dictionary<string, Type> OptionsBySection = typeof(StorageOptions).Assembly
        .GetExportedTypes()
        .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
        .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
        .ToDictionary(x => ((string)x.Field!.GetRawConstantValue()!).Replace(":", "__", StringComparison.Ordinal), x => x.Type);

    private static readonly JsonObject Settings = Arm.AppSettings();

    [Theory]
    [MemberData(nameof(BoundSettings))]
    public void Bound_setting_is_provisioned_and_exists_in_code(string setting)
    {
        Assert.True(Settings.ContainsKey(setting), $"{setting} is not provisioned");
        Assert.NotNull(PropertyFor(setting));
    }

    [Fact]
    public void Every_section_setting_in_the_template_names_a_real_options_property()
    {
        var sectionSettings = Settings.Select(s => s.Key)
            .Where(k => k.Contains("__", StringComparison.Ordinal) && !PlatformPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)))
            .ToList();

        Assert.NotEmpty(sectionSettings);
        Assert.All(sectionSettings, s => Assert.True(PropertyFor(s) is not null, $"{s} binds to no property of an options class in PayFunctions.Core"));
    }

    [Theory]
    [InlineData("Storage__ConnectionString")]
    [InlineData("Secrets__LocalDirectory")]
    [InlineData("Webhooks__AllowPrivateNetworks")]
    public void Local_only_setting_exists_in_code_but_is_not_provisioned(string setting)
    {
        Assert.NotNull(PropertyFor(setting));
        Assert.False(Settings.ContainsKey(setting));
    }

    [Fact]
    public void Every_allowed_channel_work_transport_parses_as_the_transport_enum()
    {
        var parameter = Bicep.MainTemplate["parameters"]!["channelWorkTransport"]!;
        var allowed = parameter["allowedValues"]!.AsArray().Select(v => (string)v!).ToList();

        Assert.Equal("[parameters('channelWorkTransport')]", (string?)Settings["ChannelWork__Transport"]);
        Assert.Equal(nameof(ChannelWorkTransport.ServiceBus), (string?)parameter["defaultValue"]);
        Assert.All(allowed, v => Assert.True(Enum.TryParse<ChannelWorkTransport>(v, out _), $"{v} is not a {nameof(ChannelWorkTransport)}"));
    }

    [Fact]
    public void Default_settlement_time_zone_is_known_to_the_runtime()
    {
        var zone = (string)Bicep.MainTemplate["parameters"]!["settlementTimeZone"]!["defaultValue"]!;

        Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _), $"{zone} is not a time zone id");
    }

    [Fact]
    public void Default_task_hub_is_a_valid_durable_hub_name()
    {
        var taskHub = (string)Bicep.MainTemplate["parameters"]!["durableTaskHub"]!["defaultValue"]!;

        Assert.Equal("[parameters('durableTaskHub')]", (string?)Settings["Durable__TaskHub"]);
        Assert.Matches(TaskHubName(), taskHub);
    }

    [Fact]
    public void Endpoints_are_the_provisioned_resources_addresses()
    {
        Assert.True(Arm.ReadsModuleOutput((string?)Settings["Storage__AccountName"], "storage", "name"));
        // The vault is shared: each cell receives its address from main.bicep.
        Assert.Equal("[parameters('keyVaultUri')]", (string?)Settings["Secrets__KeyVaultUri"]);
        Assert.True(Arm.ReadsModuleOutput((string?)Arm.Module("cells").Parameter("keyVaultUri"), "keyVault", "uri"));
        Assert.True(Arm.ReadsModuleOutput((string?)Settings["ChannelWork__ServiceBusNamespace"], "serviceBus", "hostName"));
        var publicBaseUrl = (string?)Settings["Api__PublicBaseUrl"] ?? "";
        Assert.StartsWith("[format('https://{0}', ", publicBaseUrl, StringComparison.Ordinal);
        Assert.True(Arm.ReadsModuleOutput(publicBaseUrl, "api", "defaultHostName"));

        // The SDK takes a bare host name; the namespace's endpoint is a URL with scheme and port.
        var serviceBusHost = (string)Arm.Module("serviceBus").NestedTemplate()["outputs"]!["hostName"]!["value"]!;
        Assert.Contains("'https://', ''", serviceBusHost, StringComparison.Ordinal);
        Assert.Contains("':')[0]", serviceBusHost, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_reach_the_site_and_the_premium_additions_override_none_of_them()
    {
        var module = Arm.Module("apiSettings").NestedTemplate();
        var config = Assert.Single(Arm.AllResources(module).OfType("Microsoft.Web/sites/config"));
        var premiumSettings = module["variables"]!["premiumSettings"]!.AsObject().Select(s => s.Key).ToList();

        Assert.Contains("'appsettings'", config.Name, StringComparison.Ordinal);
        Assert.Contains("parameters('appSettings')", (string?)config.Properties, StringComparison.Ordinal);
        Assert.Contains("FUNCTIONS_WORKER_RUNTIME", premiumSettings);
        Assert.Empty(premiumSettings.Intersect(Settings.Select(s => s.Key)));
    }

    private static PropertyInfo? PropertyFor(string setting)
    {
        var split = setting.LastIndexOf("__", StringComparison.Ordinal);
        return split > 0 && OptionsBySection.TryGetValue(setting[..split], out var options)
            ? options.GetProperty(setting[(split + 2)..], BindingFlags.Public | BindingFlags.Instance)
            : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();
}
