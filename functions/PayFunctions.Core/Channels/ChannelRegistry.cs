using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PayFunctions.Channels;
using PayFunctions.Core.Http;
using PayFunctions.Core.Secrets;
using PayFunctions.Core.Storage;
using PayFunctions.Domain;

namespace PayFunctions.Core.Channels;

/// <summary>
/// The channels of <see cref="ChannelCatalog"/> and the platform's accounts at each, read from
/// <c>Channels:{ConfigurationKey}:Accounts:{account}:{setting}</c> and the secret store. An account's
/// adapter is kept for a few minutes: parsing RSA keys per request is wasteful, and a rotated key
/// must still be picked up.
/// </summary>
public sealed partial class ChannelRegistry(
    IConfiguration configuration, IHttpClientFactory httpClients, ISecretStore secrets, IOptions<ApiOptions> api, StorageClients storage, TimeProvider time)
{
    /// <summary>The account setting that says whether it is a sandbox's (<c>test</c>) or a real one (<c>live</c>).</summary>
    public const string ModeSetting = "Mode";

    /// <summary>
    /// The optional account setting of the rate the channel charges the account, in basis points (60 = 0.6%), which
    /// reconciliation compares each statement line's fee with; without it fees are totalled, not compared.
    /// </summary>
    public const string FeeRateSetting = "FeeBasisPoints";

    private const string LiveMode = "live";
    private const string TestMode = "test";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private static readonly Dictionary<string, IChannelModule> Modules =
        ChannelCatalog.All.ToDictionary(m => m.Capabilities.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, (IChannelModule Module, PaymentMethodCapability Method)> Methods =
        ChannelCatalog.All
            .SelectMany(m => m.Capabilities.Methods.Select(c => (Module: m, Method: c)))
            .ToDictionary(x => x.Method.Method, StringComparer.Ordinal);

    private readonly ConcurrentDictionary<(string Channel, string Account), Lazy<Task<CachedAdapter>>> adapters = new();

    /// <summary>Every channel the platform knows, configured or not.</summary>
    public static IReadOnlyCollection<string> ChannelNames => Modules.Keys;

    /// <summary>Every payment method of every known channel.</summary>
    public static IReadOnlyCollection<string> MethodNames => Methods.Keys;

    /// <summary>The name of the HTTP client a channel's adapters use.</summary>
    public static string HttpClientName(string channel) => "channel:" + channel;

    public static bool IsKnown(string? channel) => channel is not null && Modules.ContainsKey(channel);

    public static IChannelModule Module(string channel) =>
        Modules.TryGetValue(channel, out var module) ? module : throw new ArgumentException($"Unknown channel '{channel}'.", nameof(channel));

    /// <summary>The channel and declaration of a method, when some channel serves it.</summary>
    public static bool TryGetMethod(string method, out IChannelModule module, out PaymentMethodCapability capability)
    {
        var found = Methods.TryGetValue(method, out var entry);
        (module, capability) = entry;
        return found;
    }

    /// <summary>The barcode method whose channel issues this payment code, if any does.</summary>
    public static PaymentMethodCapability? MethodForPaymentCode(string paymentCode) =>
        Methods.Values.Select(e => e.Method).FirstOrDefault(m => m.PaymentCodePattern?.IsMatch(paymentCode) == true);

    /// <summary>Where an account's secret lives in the secret store; Key Vault names allow letters, digits and dashes only.</summary>
    public static string SecretName(string channel, string account, string secret) => $"{channel.Replace('_', '-')}-{account}-{secret}";

    public static bool IsValidAccountId(string? account) => account is not null && AccountId().IsMatch(account);

    /// <summary>
    /// The accounts of a channel whose every required setting is configured, in name order, of either mode: callbacks
    /// and health concern them all.
    /// </summary>
    public IReadOnlyList<string> AccountsOf(string channel)
    {
        var capabilities = Module(channel).Capabilities;
        return [.. AccountsSection(capabilities).GetChildren()
            .Where(a => IsValidAccountId(a.Key) && capabilities.SettingNames.All(s => !string.IsNullOrWhiteSpace(a[s])) && ModeOf(a) is not null)
            .Select(a => a.Key)];
    }

    /// <summary>The configured accounts of the channel that payments of a mode may use: sandbox accounts for test mode, real ones for live.</summary>
    public IReadOnlyList<string> AccountsOf(string channel, bool testMode) =>
        [.. AccountsOf(channel).Where(a => IsTestAccount(channel, a) == testMode)];

    /// <summary>
    /// Whether the account is a sandbox's, from <c>Channels:{key}:Accounts:{id}:Mode</c>: <c>test</c> or <c>live</c>,
    /// live when not set. Any other value leaves the account unconfigured, so a typo never makes a sandbox live or
    /// a real account reachable from test mode.
    /// </summary>
    public bool IsTestAccount(string channel, string account) =>
        ModeOf(AccountsSection(Module(channel).Capabilities).GetSection(account)) == TestMode;

    /// <summary>
    /// The account a new payment of the channel and mode uses: <c>Channels:{key}:DefaultAccount</c> when it names a
    /// configured account of the mode, else the mode's first; null when the channel has none of that mode.
    /// </summary>
    public string? DefaultAccountOf(string channel, bool testMode) => Preferred(channel, AccountsOf(channel, testMode));

    /// <summary>The account the operator set as the channel's default, else its first, whatever its mode.</summary>
    public string? DefaultAccountOf(string channel) => Preferred(channel, AccountsOf(channel));

    public bool IsConfigured(string channel, bool testMode) => DefaultAccountOf(channel, testMode) is not null;

    /// <summary>The fee the channel charges the account on <paramref name="gross"/>, rounded half up; null when <see cref="FeeRateSetting"/> is not a rate.</summary>
    public Money? ExpectedFeeOf(string channel, string account, Money gross) =>
        int.TryParse(AccountsSection(Module(channel).Capabilities).GetSection(account)[FeeRateSetting], NumberStyles.None, CultureInfo.InvariantCulture, out var basisPoints)
        && basisPoints <= SplitRule.BasisPointsPerWhole
            ? new FeeSchedule(basisPoints, 0).FeeFor(gross)
            : null;

    private string? Preferred(string channel, IReadOnlyList<string> accounts)
    {
        var chosen = configuration[$"Channels:{Module(channel).Capabilities.ConfigurationKey}:DefaultAccount"];
        return chosen is not null && accounts.Contains(chosen) ? chosen : accounts.Count > 0 ? accounts[0] : null;
    }

    private static string? ModeOf(IConfigurationSection account) => account[ModeSetting] switch
    {
        null or "" or LiveMode => LiveMode,
        TestMode => TestMode,
        _ => null,
    };

    /// <summary>The adapter of one account.</summary>
    /// <exception cref="InvalidOperationException">The account is not configured, or one of its secrets is missing.</exception>
    public async Task<IPaymentChannel> GetAsync(string channel, string account, CancellationToken cancellationToken)
    {
        var key = (channel, account);
        while (true)
        {
            var entry = adapters.GetOrAdd(key, k => new Lazy<Task<CachedAdapter>>(() => CreateAsync(k.Channel, k.Account)));
            CachedAdapter cached;
            try
            {
                cached = await entry.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A failed build is not cached: the next call tries again, e.g. once the secret is loaded.
                adapters.TryRemove(KeyValuePair.Create(key, entry));
                throw;
            }

            if (cached.Expires > time.GetUtcNow())
            {
                return cached.Adapter;
            }

            adapters.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    private async Task<CachedAdapter> CreateAsync(string channel, string account)
    {
        var module = Module(channel);
        var capabilities = module.Capabilities;
        if (!AccountsOf(channel).Contains(account))
        {
            throw new InvalidOperationException($"Channel account {channel}/{account} is not configured.");
        }

        var settings = AccountsSection(capabilities).GetSection(account)
            .AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in capabilities.SecretNames)
        {
            var secretName = SecretName(channel, account, name);
            values[name] = await secrets.GetAsync(secretName, CancellationToken.None)
                ?? throw new InvalidOperationException($"Secret '{secretName}' is missing from the secret store.");
        }

        var notifyUrl = api.Value.PublicBaseUrl is { } baseUrl ? new Uri(baseUrl, $"api/notify/{channel}") : null;
        var adapter = module.Create(
            new ChannelAccount(account, settings, values) { NotifyUrl = notifyUrl, Outbox = new BlobChannelOutbox(storage, channel, account) }, httpClients.CreateClient(HttpClientName(channel)), time);
        return new CachedAdapter(adapter, time.GetUtcNow() + Lifetime);
    }

    private IConfigurationSection AccountsSection(ChannelCapabilities capabilities) =>
        configuration.GetSection($"Channels:{capabilities.ConfigurationKey}:Accounts");

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$")]
    private static partial Regex AccountId();

    private sealed record CachedAdapter(IPaymentChannel Adapter, DateTimeOffset Expires);
}
