using System.Globalization;
using System.Text;
using QRCoder;

namespace PayFunctions.Core.Checkout;

/// <summary>QR codes drawn on the server: an SVG path for pages (no inline styles, so the CSP stays strict) and a PNG to print.</summary>
public static class QrImages
{
    /// <summary>An SVG of <paramref name="data"/>, the quiet zone included, that scales to its box.</summary>
    public static string Svg(string data, string label, string cssClass = "qr")
    {
        using var code = QRCodeGenerator.GenerateQrCode(data, QRCodeGenerator.ECCLevel.M);
        var matrix = code.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        return $"""<svg class="{cssClass}" role="img" aria-label="{CashierHtml.Encode(label)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="240" height="240" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>""";
    }

    /// <summary>A printable PNG of <paramref name="data"/>, ten pixels a module.</summary>
    public static byte[] Png(string data)
    {
        using var code = QRCodeGenerator.GenerateQrCode(data, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(code);
        return png.GetGraphic(10);
    }
}
