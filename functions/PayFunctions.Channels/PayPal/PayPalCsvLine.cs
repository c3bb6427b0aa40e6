using System.Text;

namespace PayFunctions.Channels.PayPal;

/// <summary>
/// One line of PayPal's SFTP reports: comma-separated, text fields in double quotes with inner quotes doubled, numbers
/// and dates bare.
/// </summary>
internal static class PayPalCsvLine
{
    /// <exception cref="FormatException">A quoted field is not closed, or text follows a closing quote.</exception>
    public static IReadOnlyList<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new FormatException("A quoted field is not closed.");
                    }

                    if (line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (line[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(line[i++]);
                    }
                }

                if (i < line.Length && line[i] != ',')
                {
                    throw new FormatException("Text follows a closing quote.");
                }
            }
            else
            {
                var comma = line.IndexOf(',', i);
                var end = comma < 0 ? line.Length : comma;
                field.Append(line, i, end - i);
                i = end;
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= line.Length)
            {
                return fields;
            }

            i++;
        }
    }
}
