using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PayFunctions.Core.Channels;
using PayFunctions.Domain;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// Chooses the platform's account at the method's channel for a new payment: the merchant's policy,
/// the accounts configured, their live health and what the merchant already sent each today go into
/// <see cref="Router.Decide"/>, whose explained decision is stored with the payment. A decision counts
/// against the policy's limits only once the payment takes it (<see cref="Count"/>).
/// </summary>
public sealed class PaymentRouter : IDisposable
{
    private readonly ChannelRegistry channels;
    private readonly RoutingPolicyStore policies;
    private readonly ChannelHealth health;
    private readonly RoutingUsage usage;
    private readonly int triesPerAccount;
    private readonly TimeProvider time;
    private readonly IDisposable reloads;

    /// <summary>
    /// Each channel's configured accounts of each mode, the default one first. A reload replaces the whole cache rather than clearing
    /// it, so a list read from the configuration before the reload can only land in the cache the reload discarded.
    /// </summary>
    private volatile ConcurrentDictionary<(string Channel, bool TestMode), IReadOnlyList<ChannelAccountId>> configured = new();

    public PaymentRouter(
        ChannelRegistry channels,
        RoutingPolicyStore policies,
        ChannelHealth health,
        RoutingUsage usage,
        IOptions<ChannelResilienceOptions> resilience,
        TimeProvider time,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(resilience);
        this.channels = channels;
        this.policies = policies;
        this.health = health;
        this.usage = usage;
        triesPerAccount = resilience.Value.MaxRetries + 1;
        this.time = time;
        reloads = ChangeToken.OnChange(configuration.GetReloadToken, () => configured = new());
    }

    /// <summary>
    /// The decision for a payment of <paramref name="method"/> at <paramref name="channel"/>, not counted yet, among the
    /// accounts of the payment's mode only: a test-mode payment never reaches a live account, nor a live one a sandbox.
    /// </summary>
    /// <param name="payerBound">
    /// The payment names the payer by an id the default account's app issued (an openid): no other account's app knows
    /// that payer, so only the default account is configured for it.
    /// </param>
    public async Task<PendingDecision> DecideAsync(
        string merchantId,
        bool testMode,
        string paymentId,
        string method,
        string channel,
        Money amount,
        string? payerCountry,
        TerminalType terminal,
        bool payerBound,
        CancellationToken cancellationToken)
    {
        var policy = await policies.GetAsync(merchantId, cancellationToken);
        var now = time.GetUtcNow();
        var request = new RouteRequest(method, channel, amount, payerCountry, null, terminal, now, Configured(channel, testMode, payerBound), Draw(paymentId))
        {
            TriesPerAccount = triesPerAccount,
        };
        var decision = Router.Decide(policy, request, new RoutingStates(health, usage, merchantId, now, policy.UtcOffset));
        return new PendingDecision(decision, merchantId, amount.MinorUnits, now, policy.UtcOffset);
    }

    /// <summary>Counts the payment on the decision's chosen account, for the limits of the merchant's policy; once per payment.</summary>
    public void Count(PendingDecision pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.Decision.Chosen is { } chosen)
        {
            usage.Record(pending.MerchantId, chosen, pending.Amount, pending.At, pending.UtcOffset);
        }
    }

    public void Dispose() => reloads.Dispose();

    /// <summary>The channel's configured accounts of the mode, the default one first: with no rule, ties go to the account the operator set as default.</summary>
    internal IReadOnlyList<ChannelAccountId> Configured(string channel, bool testMode, bool payerBound)
    {
        var accounts = configured.GetOrAdd((channel, testMode), ReadConfigured);
        return payerBound ? accounts.Take(1).ToList() : accounts;
    }

    private List<ChannelAccountId> ReadConfigured((string Channel, bool TestMode) key)
    {
        var (channel, testMode) = key;
        var preferred = channels.DefaultAccountOf(channel, testMode);
        var accounts = new List<ChannelAccountId>();
        if (preferred is not null)
        {
            accounts.Add(new ChannelAccountId(channel, preferred));
        }

        foreach (var account in channels.AccountsOf(channel, testMode))
        {
            if (account != preferred)
            {
                accounts.Add(new ChannelAccountId(channel, account));
            }
        }

        return accounts;
    }

    /// <summary>
    /// A number in [0, 1) fixed by the payment id (FNV-1a, then a 64-bit finalizer so ids that differ only in their
    /// last characters still land far apart), so a payment's weighted split is the same on every instance and on a
    /// retried create.
    /// </summary>
    internal static double Draw(string paymentId)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(paymentId))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        hash = (hash ^ (hash >> 33)) * 0xff51afd7ed558ccdUL;
        hash = (hash ^ (hash >> 33)) * 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return (hash >> 11) / (double)(1UL << 53);
    }
}
