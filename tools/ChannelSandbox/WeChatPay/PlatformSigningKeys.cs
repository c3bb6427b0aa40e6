using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ChannelSandbox.WeChatPay;

/// <summary>
/// The platform keys the channel signs with. Normally one; after a rotation two, used in turn, as WeChat Pay does
/// while it renews a platform certificate or moves an account to a WeChat Pay public key: every answer and
/// notification names its key in <c>Wechatpay-Serial</c>, and merchants must accept both.
/// </summary>
public sealed class PlatformSigningKeys(WeChatPayKeys keys, IOptions<WeChatPayIdentity> identity) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<SigningKey> _keys = [new(identity.Value.PlatformSerial, keys.PlatformPrivateKey)];
    private RSA? _rotated;
    private int _turn;

    /// <summary>The key for the next signature: each active key in turn.</summary>
    public SigningKey Next()
    {
        lock (_gate)
        {
            return _keys[_turn++ % _keys.Count];
        }
    }

    /// <summary>Adds the second key (idempotent): from now on answers and notifications are signed with both keys in turn.</summary>
    public IReadOnlyList<SigningKey> Rotate()
    {
        lock (_gate)
        {
            if (_rotated is null)
            {
                _rotated = RSA.Create(2048);
                _keys.Add(new SigningKey(identity.Value.NextPlatformSerial, _rotated));
            }

            return [.. _keys];
        }
    }

    /// <summary>Stops signing with the first key once a second one exists: the end of the switch.</summary>
    public IReadOnlyList<SigningKey> RetireOriginal()
    {
        lock (_gate)
        {
            if (_keys.Count > 1)
            {
                _keys.RemoveAt(0);
            }

            return [.. _keys];
        }
    }

    public IReadOnlyList<SigningKey> Active()
    {
        lock (_gate)
        {
            return [.. _keys];
        }
    }

    public void Dispose() => _rotated?.Dispose();
}

/// <summary>One platform key: its serial (certificate serial or <c>PUB_KEY_ID_...</c>) and its private half.</summary>
public sealed record SigningKey(string Serial, RSA PrivateKey)
{
    public string PublicKeyPem => PrivateKey.ExportSubjectPublicKeyInfoPem();
}
