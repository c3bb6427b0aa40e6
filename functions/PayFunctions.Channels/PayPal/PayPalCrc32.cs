namespace PayFunctions.Channels.PayPal;

/// <summary>
/// CRC-32 as PayPal applies it to a webhook's raw body (the ISO-HDLC / zlib polynomial 0xEDB88320, reflected, initial
/// and final XOR 0xFFFFFFFF), written into the signed message as an unsigned decimal.
/// </summary>
internal static class PayPalCrc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < table.Length; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
