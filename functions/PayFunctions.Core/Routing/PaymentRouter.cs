using System.Text;
using Microsoft.Extensions.Options;
using PayFunctions.Core.Channels;
using PayFunctions.Domain;
using PayFunctions.Domain.Routing;

namespace PayFunctions.Core.Routing;

/// <summary>
/// Chooses the platform's account at the method's channel for a new payment: the merchant's policy,
/// the accounts configured, their live health and what the merchant already sent each today go into
/// <see cref="Router.Decide"/>, whose explained decision is stored with the payment.
/// </summary>
public sealed class PaymentRouter(
    ChannelRegistry channels,
    RoutingPolicyStore policies,
    ChannelHealth health,
    RoutingUsage usage,
    IOptions<ChannelResilienceOptions> resilience,
    TimeProvider time)
{
    /// <summary>The decision for a payment of <paramref name="method"/> at <paramref name="channel"/>, its usage counted on the chosen account.</summary>
    /// <param name="payerBound">
    /// The payment names the payer by an id the default account's app issued (an openid): no other account's app knows
    /// that payer, so only the default account is configured for it.
    /// </param>
    public async Task<RoutingDecision> DecideAsync(
        string merchantId,
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
        var request = new RouteRequest(method, channel, amount, payerCountry, null, terminal, now, Configured(channel, payerBound), Draw(paymentId))
        {
            TriesPerAccount = resilience.Value.MaxRetries + 1,
        };
        var decision = Router.Decide(policy, request, new RoutingStates(health, usage, merchantId, now, policy.UtcOffset));
        if (decision.Chosen is { } chosen)
        {
            usage.Record(merchantId, chosen, amount.MinorUnits, now, policy.UtcOffset);
        }

        return decision;
    }

    /// <summary>The channel's configured accounts, the default one first: with no rule, ties go to the account the operator set as default.</summary>
    private List<ChannelAccountId> Configured(string channel, bool payerBound)
    {
        var preferred = channels.DefaultAccountOf(channel);
        var accounts = new List<ChannelAccountId>();
        if (preferred is not null)
        {
            accounts.Add(new ChannelAccountId(channel, preferred));
        }

        if (payerBound)
        {
            return accounts;
        }

        foreach (var account in channels.AccountsOf(channel))
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
