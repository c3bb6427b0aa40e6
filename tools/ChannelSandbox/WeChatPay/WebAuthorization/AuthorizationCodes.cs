using System.Collections.Concurrent;

namespace ChannelSandbox.WeChatPay.WebAuthorization;

/// <summary>
/// The web authorization's codes: each is issued for one official account and one user, may be exchanged once, and
/// lapses five minutes after it was issued, as the official-account documentation states.
/// </summary>
public sealed class AuthorizationCodes(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);

    public string Issue(string appId, string openId, string scope)
    {
        Sweep();
        var code = WeChatPayCrypto.RandomString(32);
        _grants[code] = new Grant(appId, openId, scope, time.GetUtcNow() + Lifetime);
        return code;
    }

    /// <summary>The grant behind <paramref name="code"/>, spent by this call; the reason when there is none.</summary>
    public (Grant? Grant, Refusal? Refusal) Redeem(string appId, string code)
    {
        if (!_grants.TryGetValue(code, out var grant) || grant.AppId != appId || grant.Expires <= time.GetUtcNow())
        {
            return (null, Refusal.Invalid);
        }

        // Only one redemption marks the grant used; a concurrent second one loses the swap and reads as a used code.
        return _grants.TryUpdate(code, grant with { Used = true }, grant) && !grant.Used ? (grant, null) : (null, Refusal.Used);
    }

    // Used and lapsed codes are dropped once they can no longer be told apart from unknown ones.
    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (code, grant) in _grants)
        {
            if (grant.Expires <= now)
            {
                _grants.TryRemove(KeyValuePair.Create(code, grant));
            }
        }
    }

    public sealed record Grant(string AppId, string OpenId, string Scope, DateTimeOffset Expires, bool Used = false);

    public enum Refusal
    {
        Invalid,
        Used,
    }
}
