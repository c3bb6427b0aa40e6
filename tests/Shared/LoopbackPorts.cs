using System.Net;
using System.Net.Sockets;

namespace PayFunctions.Testing;

/// <summary>
/// Free loopback ports for the emulators and hosts tests start. Asking the kernel for port 0 returns an
/// ephemeral port, which it also hands to outgoing connections: on a busy machine one can take the port
/// between our check and the child process binding it. Ports are therefore drawn below the ephemeral range
/// (Linux's default starts at 32768), where only listeners live, and checked free before use.
/// </summary>
internal static class LoopbackPorts
{
    private const int First = 20_000;
    private const int EphemeralStart = 32_768;

    public static int Free()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(First, EphemeralStart);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) when (attempt < 100)
            {
                // Taken; draw again.
            }
        }
    }
}
