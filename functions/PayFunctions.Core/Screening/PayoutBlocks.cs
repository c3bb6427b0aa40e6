using PayFunctions.Core.Merchants;

namespace PayFunctions.Core.Screening;

/// <summary>
/// Which payable accounts are not paid out because a screening hit on their party is pending review or confirmed: a
/// connected account by its id, a merchant by its id and its test-mode twin's. Settlement asks
/// <see cref="CurrentAsync"/>, which reads the hits; the checks on the request path (a split's recipients, an account's
/// <c>payouts_enabled</c>) use what the instance read within <see cref="KeptFor"/>, which its own screenings and
/// reviews clear at once.
/// </summary>
public sealed class PayoutBlocks(ScreeningHitStore hits, TimeProvider time)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(10);

    private Kept? kept;

    /// <summary>The held payable accounts, read now.</summary>
    public async Task<IReadOnlySet<string>> CurrentAsync(CancellationToken cancellationToken)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (type, id) in await hits.HeldPartiesAsync(cancellationToken))
        {
            held.Add(id);
            if (type == ScreenedPartyTypes.Merchant)
            {
                held.Add(MerchantEntity.TestTwinId(id));
            }
        }

        Volatile.Write(ref kept, new Kept(held, time.GetUtcNow()));
        return held;
    }

    /// <summary>Whether payouts to <paramref name="accountId"/> are held, from what was read within <see cref="KeptFor"/>.</summary>
    public async Task<bool> IsHeldAsync(string accountId, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref kept);
        var held = current is not null && time.GetUtcNow() - current.ReadAt < KeptFor ? current.Held : await CurrentAsync(cancellationToken);
        return held.Contains(accountId);
    }

    /// <summary>Drops what is kept, after this instance recorded or reviewed a hit.</summary>
    public void Forget() => Volatile.Write(ref kept, null);

    private sealed record Kept(IReadOnlySet<string> Held, DateTimeOffset ReadAt);
}
