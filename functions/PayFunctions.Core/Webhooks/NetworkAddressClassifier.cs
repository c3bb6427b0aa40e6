using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace PayFunctions.Core.Webhooks;

/// <summary>What kind of network an address belongs to, as far as reaching it from the platform goes.</summary>
public enum AddressKind
{
    Public,
    Loopback,
    Private,
    SharedAddressSpace,
    LinkLocal,
    Unspecified,
    Multicast,
    Broadcast,
    CloudMetadata,
    Reserved,
}

/// <summary>
/// Classifies the addresses the platform would connect to on a merchant's behalf. IPv4 carried in
/// IPv6 (mapped, NAT64) is judged as the IPv4 address it reaches; anything outside global unicast is
/// not public.
/// </summary>
public static class NetworkAddressClassifier
{
    // Azure's instance metadata service and wire server, and AWS's IPv6 metadata endpoint. The wire
    // server (168.63.129.16) sits in public space, so only its own entry keeps it out.
    private static readonly uint[] V4Metadata = [V4(169, 254, 169, 254), V4(168, 63, 129, 16)];
    private static readonly UInt128 V6Metadata = V6("fd00:ec2::254");

    private static readonly (uint Prefix, int Length, AddressKind Kind)[] V4Ranges =
    [
        (V4(0, 0, 0, 0), 8, AddressKind.Unspecified),
        (V4(10, 0, 0, 0), 8, AddressKind.Private),
        (V4(100, 64, 0, 0), 10, AddressKind.SharedAddressSpace),
        (V4(127, 0, 0, 0), 8, AddressKind.Loopback),
        (V4(169, 254, 0, 0), 16, AddressKind.LinkLocal),
        (V4(172, 16, 0, 0), 12, AddressKind.Private),
        (V4(192, 0, 0, 0), 24, AddressKind.Reserved),
        (V4(192, 0, 2, 0), 24, AddressKind.Reserved),
        (V4(192, 88, 99, 0), 24, AddressKind.Reserved),
        (V4(192, 168, 0, 0), 16, AddressKind.Private),
        (V4(198, 18, 0, 0), 15, AddressKind.Reserved),
        (V4(198, 51, 100, 0), 24, AddressKind.Reserved),
        (V4(203, 0, 113, 0), 24, AddressKind.Reserved),
        (V4(224, 0, 0, 0), 4, AddressKind.Multicast),
        (V4(240, 0, 0, 0), 4, AddressKind.Reserved),
    ];

    private static readonly (UInt128 Prefix, int Length, AddressKind Kind)[] V6Ranges =
    [
        (V6("fc00::"), 7, AddressKind.Private),
        (V6("fe80::"), 10, AddressKind.LinkLocal),
        (V6("fec0::"), 10, AddressKind.Reserved),
        (V6("ff00::"), 8, AddressKind.Multicast),
        (V6("64:ff9b:1::"), 48, AddressKind.Reserved),
        (V6("100::"), 64, AddressKind.Reserved),
        (V6("2001::"), 23, AddressKind.Reserved),
        (V6("2001:db8::"), 32, AddressKind.Reserved),
        (V6("2002::"), 16, AddressKind.Reserved),
    ];

    private static readonly UInt128 Nat64Prefix = V6("64:ff9b::");
    private static readonly UInt128 GlobalUnicast = V6("2000::");

    public static AddressKind Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(ReadV4(address)),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => AddressKind.Reserved,
        };
    }

    /// <summary>Public addresses always; loopback and private networks only where configuration allows them.</summary>
    public static bool IsAllowed(AddressKind kind, bool allowPrivateNetworks) =>
        kind == AddressKind.Public
        || (allowPrivateNetworks && kind is AddressKind.Loopback or AddressKind.Private or AddressKind.SharedAddressSpace);

    private static AddressKind ClassifyV4(uint value)
    {
        if (value == uint.MaxValue)
        {
            return AddressKind.Broadcast;
        }

        if (V4Metadata.Contains(value))
        {
            return AddressKind.CloudMetadata;
        }

        foreach (var (prefix, length, kind) in V4Ranges)
        {
            if (value >> (32 - length) == prefix >> (32 - length))
            {
                return kind;
            }
        }

        return AddressKind.Public;
    }

    private static AddressKind ClassifyV6(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        if (value == UInt128.Zero)
        {
            return AddressKind.Unspecified;
        }

        if (value == UInt128.One)
        {
            return AddressKind.Loopback;
        }

        if (value == V6Metadata)
        {
            return AddressKind.CloudMetadata;
        }

        // Mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96) addresses reach the IPv4 address they carry.
        if (address.IsIPv4MappedToIPv6 || value >> 32 == Nat64Prefix >> 32)
        {
            return ClassifyV4((uint)(value & uint.MaxValue));
        }

        // IPv4-compatible addresses (::/96) are deprecated and reach nothing a merchant should run.
        if (value >> 32 == UInt128.Zero)
        {
            return AddressKind.Reserved;
        }

        foreach (var (prefix, length, kind) in V6Ranges)
        {
            if (value >> (128 - length) == prefix >> (128 - length))
            {
                return kind;
            }
        }

        return value >> 125 == GlobalUnicast >> 125 ? AddressKind.Public : AddressKind.Reserved;
    }

    private static uint ReadV4(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    private static uint V4(byte a, byte b, byte c, byte d) => ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d;

    private static UInt128 V6(string text)
    {
        Span<byte> bytes = stackalloc byte[16];
        IPAddress.Parse(text).TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
