using System.Globalization;
using System.Text;

namespace PayFunctions.Infrastructure;

/// <summary>A query string built from the parameters that are set; unset ones are left out so the API's defaults apply.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder text = new();

    public QueryString Add(string name, string? value)
    {
        if (value is not null)
        {
            text.Append(text.Length == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(name))
                .Append('=')
                .Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    public QueryString Add(string name, long? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => text.ToString();
}
